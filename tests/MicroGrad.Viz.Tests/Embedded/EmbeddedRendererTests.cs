using System.Globalization;
using System.Xml.Linq;
using CliWrap;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Embedded;
using MicroGrad.Viz.Tests.TestSupport;

namespace MicroGrad.Viz.Tests.Embedded;

/// <summary>The embedded renderer's SVG: valid, exact, Graphviz-shaped, the same everywhere.</summary>
public sealed class EmbeddedRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string Render(Value root, DrawingOptions? options = null) =>
        EmbeddedRenderer.RenderSvg(ValueGraphWriter.ToDotGraph(root, options));

    private static readonly DrawingOptions TopToBottom = new() { Direction = RankDirection.TopToBottom };

    [Fact]
    public void Seed_left_to_right() => Snapshot.Verify(Render(SampleGraphs.Seed(backward: true)), "svg");

    [Fact]
    public void Seed_top_to_bottom() => Snapshot.Verify(Render(SampleGraphs.Seed(backward: true), TopToBottom with { Title = "L = (a*b + c) * f" }), "svg");

    [Fact]
    public void Neuron_left_to_right() => Snapshot.Verify(Render(SampleGraphs.Neuron()), "svg");

    [Fact]
    public void Neuron_top_to_bottom() => Snapshot.Verify(Render(SampleGraphs.Neuron(), TopToBottom), "svg");

    [Fact]
    public void Small_mlp_left_to_right() => Snapshot.Verify(Render(SampleGraphs.SmallMlp(), new DrawingOptions { ColorByGradient = true }), "svg");

    [Fact]
    public void Small_mlp_top_to_bottom() => Snapshot.Verify(Render(SampleGraphs.SmallMlp(), TopToBottom), "svg");

    [Fact]
    public void Small_mlp_neurons_collapsed() => Snapshot.Verify(Render(SampleGraphs.SmallMlp(), new DrawingOptions { Modules = ModuleView.Collapsed, ModuleDepth = 2, FoldConstants = true }), "svg");

    [Fact]
    public void The_svg_is_well_formed_with_namespace_and_view_box()
    {
        var document = XDocument.Parse(Render(SampleGraphs.Seed(backward: true)));
        var root = document.Root!;

        Assert.Equal(Svg + "svg", root.Name);
        string[] viewBox = root.Attribute("viewBox")!.Value.Split(' ');
        Assert.Equal(["0", "0"], viewBox[..2]);
        Assert.Equal(root.Attribute("width")!.Value, viewBox[2] + "pt");
        Assert.Equal(root.Attribute("height")!.Value, viewBox[3] + "pt");
    }

    [Fact]
    public void Node_and_edge_titles_are_the_dot_ids_as_in_graphvizs_svg()
    {
        var graph = ValueGraphWriter.ToDotGraph(SampleGraphs.Seed(backward: true));
        var document = XDocument.Parse(EmbeddedRenderer.RenderSvg(graph, TestContext.Current.CancellationToken));

        var nodes = document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "node").ToList();
        var edges = document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "edge").ToList();
        Assert.Equal(graph.EnumerateNodes().Select(n => n.Id), nodes.Select(g => g.Element(Svg + "title")!.Value));
        Assert.Equal(Enumerable.Range(1, nodes.Count).Select(i => "node" + i), nodes.Select(g => (string)g.Attribute("id")!));
        Assert.Equal(graph.Edges.Select(e => e.From + "->" + e.To), edges.Select(g => g.Element(Svg + "title")!.Value));

        // The same reader the Graphviz tests use sees the same fields.
        var fields = SvgNodes.Parse(DotWriter.Utf8.GetBytes(document.ToString()));
        Assert.Equal(["a", "data 2.0000", "grad 6.0000"], fields["v0"]);
        Assert.Equal(["*"], fields["v2_op"]);
    }

    [Fact]
    public void Styles_follow_the_drawing_options()
    {
        var options = new DrawingOptions { LeafStyle = new NodeStyle("#123456", "#abcdef", "#fedcba", 3) };
        var document = XDocument.Parse(Render(SampleGraphs.Seed(backward: true), options));
        var leaf = document.Descendants(Svg + "g").Single(g => g.Element(Svg + "title")?.Value == "v0");
        var box = leaf.Element(Svg + "rect")!;

        Assert.Equal("#123456", (string)box.Attribute("fill")!);
        Assert.Equal("#abcdef", (string)box.Attribute("stroke")!);
        Assert.Equal("3", (string)box.Attribute("stroke-width")!);
        Assert.All(leaf.Elements(Svg + "text"), t => Assert.Equal("#fedcba", (string)t.Attribute("fill")!));
    }

    [Fact]
    public void Hostile_labels_stay_well_formed_and_readable()
    {
        string[] labels = ["<tag>", "a & b", "\"q\"", "bell\u0007", "lone\uD800", " padded  spaces ", "emoji 😀", "two\nlines", "]]>"];
        var sum = Value.Sum(labels.Select((label, i) => new Value(i, label)));

        var document = XDocument.Parse(Render(sum));
        var texts = document.Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains("<tag>", texts);
        Assert.Contains("a & b", texts);
        Assert.Contains("bell\u2407", texts);
        Assert.Contains("lone\uFFFD", texts);
        Assert.Contains("\u00A0padded\u00A0\u00A0spaces\u00A0", texts); // spaces SVG would collapse
        Assert.Contains("two", texts);
        Assert.Contains("lines", texts);
    }

    [Fact]
    public void Output_is_identical_across_runs_and_cultures()
    {
        string expected = DotProbe.EmbeddedSvg();
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "fa-IR", "ar-SA", "tr-TR" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(expected, DotProbe.EmbeddedSvg());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        Assert.DoesNotContain(',', string.Concat(XDocument.Parse(Render(DotProbe.Graph(), DotProbe.Options)).Descendants(Svg + "rect").Select(r => (string?)r.Attribute("x"))));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fa-IR")]
    public async Task Separate_processes_write_identical_bytes(string culture)
    {
        byte[] expected = DotWriter.Utf8.GetBytes(DotProbe.EmbeddedSvg());
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        using var output = new MemoryStream();
        await Cli.Wrap(dotnet)
            .WithArguments([typeof(DotProbe).Assembly.Location])
            .WithEnvironmentVariables(env => env.Set(DotProbe.Variable, culture).Set(DotProbe.FormatVariable, "svg"))
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected, output.ToArray());
    }

    [Fact]
    public void A_title_is_drawn_above_the_graph()
    {
        var document = XDocument.Parse(Render(SampleGraphs.Seed(backward: true), new DrawingOptions { Title = "the title" }));
        var title = document.Descendants(Svg + "text").First();
        double titleY = double.Parse((string)title.Attribute("y")!, CultureInfo.InvariantCulture);

        Assert.Equal("the title", title.Value);
        Assert.All(
            document.Descendants(Svg + "rect").Skip(1),
            r => Assert.True(double.Parse((string)r.Attribute("y")!, CultureInfo.InvariantCulture) > titleY));
    }

    [Fact]
    public void An_empty_graph_is_an_empty_canvas()
    {
        var document = XDocument.Parse(EmbeddedRenderer.RenderSvg(new DotGraph(), TestContext.Current.CancellationToken));

        Assert.DoesNotContain(document.Descendants(Svg + "g"), g => (string?)g.Attribute("class") is "node" or "edge");
        Assert.NotNull(document.Root!.Attribute("viewBox"));
    }
}
