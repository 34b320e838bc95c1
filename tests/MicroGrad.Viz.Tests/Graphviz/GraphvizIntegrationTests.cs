using System.Text;
using CsCheck;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Tests.Graphviz;

/// <summary>The real Graphviz: required on CI, skipped with a reason on machines without it.</summary>
public class GraphvizIntegrationTests
{
    private static GraphRenderer Runner() => new(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = GraphvizRequirement.RequireDot(), WarningsAsErrors = true });

    [Fact]
    public async Task Every_snapshot_is_accepted_by_dot_without_warnings_and_draws_every_node()
    {
        var runner = Runner();
        string project = Snapshot.ProjectFolderOf();
        var snapshots = Directory.GetFiles(project, "*.verified.dot", SearchOption.AllDirectories);
        Assert.NotEmpty(snapshots);

        foreach (var snapshot in snapshots)
        {
            string dot = await File.ReadAllTextAsync(snapshot, TestContext.Current.CancellationToken);
            var result = await runner.RenderAsync(dot, OutputFormat.Svg, TestContext.Current.CancellationToken);

            var nodes = SvgNodes.Parse(result.Output.Span);
            var declared = dot.Split('\n')
                .Select(line => line.TrimStart())
                .Where(line => line.Length > 1 && "vmps".Contains(line[0], StringComparison.Ordinal) && char.IsAsciiDigit(line[1]) && !line.Contains(" -> ", StringComparison.Ordinal))
                .Select(line => line[..line.IndexOf(' ', StringComparison.Ordinal)])
                .ToList();
            Assert.Equal(declared.Order(StringComparer.Ordinal), nodes.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task The_seed_graph_shows_each_values_label_data_and_grad()
    {
        var result = await SampleGraphs.Seed(backward: true).RenderAsync(OutputFormat.Svg, rendering: Runner().Options, cancellationToken: TestContext.Current.CancellationToken);

        var nodes = SvgNodes.Parse(result.Output.Span);

        Assert.Equal(10, nodes.Count);
        Assert.Equal(["a", "data 2.0000", "grad 6.0000"], nodes["v0"]);
        Assert.Equal(["b", "data -3.0000", "grad -4.0000"], nodes["v1"]);
        Assert.Equal(["e", "data -6.0000", "grad -2.0000"], nodes["v2"]);
        Assert.Equal(["*"], nodes["v2_op"]);
        Assert.Equal(["L", "data -8.0000", "grad 1.0000"], nodes["v6"]);
        Assert.Empty(result.Warnings);
    }

    private static readonly Gen<string> HostileLabel = Gen.Frequency(
            (4, Gen.Char["{}|<>\"\\&'"].Select(c => c.ToString())),
            (4, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (2, Gen.Const(" ")),
            (1, Gen.Char["שלוםمرحبا"].Select(c => c.ToString())),
            (1, Gen.OneOf(Gen.Const("😀"), Gen.Const("🧠"), Gen.Const("∑"), Gen.Const("é"))))
        .Array[1, 30]
        .Select(parts => string.Concat(parts));

    [Fact]
    public async Task A_thousand_hostile_labels_render_and_come_back_out_of_the_svg_intact()
    {
        var runner = Runner();
        var labels = Property.One(HostileLabel.Array[100].Array[10]);

        foreach (var batch in labels)
        {
            var leaves = batch.Select((label, i) => new Value(i, label)).ToArray();
            var graph = (Value.Sum(leaves)).ToDotGraph();
            var result = await runner.RenderAsync(graph, OutputFormat.Svg, TestContext.Current.CancellationToken);
            var nodes = SvgNodes.Parse(result.Output.Span);

            // Leaves come first in the topological order of a left-to-right sum: v0, v1, then every other id.
            var leafIds = graph.Nodes.Where(n => n.Attributes["label"].Record?.Fields[0].Group?.Fields.Count == 3).Select(n => n.Id).ToList();
            Assert.Equal(leaves.Length, leafIds.Count);
            for (int i = 0; i < leaves.Length; i++)
            {
                // Spaces Graphviz would drop are written as no-break spaces, which look the same.
                Assert.Equal(leaves[i].Label, nodes[leafIds[i]][0].Replace('\u00A0', ' '));
            }
        }
    }

    [Fact]
    public async Task A_value_renders_to_an_svg_string_in_one_call()
    {
        string svg = await SampleGraphs.Square().RenderSvgAsync(rendering: Runner().Options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Equal(["a", "data 3.0000", "grad 6.0000"], SvgNodes.Parse(System.Text.Encoding.UTF8.GetBytes(svg))["v0"]);
    }

    [Fact]
    public async Task Multi_line_and_long_labels_render()
    {
        var twoLines = new Value(1.0, "first line\nsecond line");
        var huge = new Value(2.0, new string('w', 20_000));
        var sum = twoLines + huge;

        var result = await sum.RenderAsync(OutputFormat.Svg, rendering: Runner().Options, cancellationToken: TestContext.Current.CancellationToken);
        var nodes = SvgNodes.Parse(result.Output.Span);

        Assert.Equal(["first line", "second line", "data 1.0000", "grad 0.0000"], nodes["v0"]);
        Assert.Equal(new string('w', 20_000), nodes["v1"][0]);
    }

    [Fact]
    public async Task Thirty_two_parallel_renders_produce_identical_svg()
    {
        var runner = Runner();
        var graph = (SampleGraphs.Neuron()).ToDotGraph();

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => runner.RenderAsync(graph, OutputFormat.Svg, TestContext.Current.CancellationToken)));

        string first = Encoding.UTF8.GetString(results[0].Output.Span);
        Assert.StartsWith("<?xml", first, StringComparison.Ordinal);
        Assert.All(results, r => Assert.Equal(first, Encoding.UTF8.GetString(r.Output.Span)));
    }

    [Theory]
    [InlineData("graph.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })]
    [InlineData("graph.pdf", new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F' })]
    [InlineData("graph.svg", new byte[] { (byte)'<', (byte)'?', (byte)'x', (byte)'m' })]
    [InlineData("graph.json", new byte[] { (byte)'{' })]
    public async Task Files_are_saved_in_the_format_their_extension_names(string name, byte[] magic)
    {
        var options = Runner().Options;
        string folder = Directory.CreateTempSubdirectory("mgviz-save-").FullName;
        try
        {
            string path = Path.Combine(folder, name);

            var result = await SampleGraphs.Seed(backward: true).SaveDrawingAsync(path, rendering: options, cancellationToken: TestContext.Current.CancellationToken);

            byte[] bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(magic, bytes[..magic.Length]);
            Assert.Equal(path, result.OutputPath);
            Assert.Equal([name], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Dot_files_are_written_without_graphviz()
    {
        string folder = Directory.CreateTempSubdirectory("mgviz-save-").FullName;
        try
        {
            string path = Path.Combine(folder, "graph.dot");
            var options = new RenderOptions { DotPath = "/nonexistent/dot" };

            await SampleGraphs.Square().SaveDrawingAsync(path, rendering: options, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(SampleGraphs.Square().ToDot(), await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(LayoutEngine.Neato)]
    [InlineData(LayoutEngine.Fdp)]
    [InlineData(LayoutEngine.Sfdp)]
    [InlineData(LayoutEngine.Twopi)]
    [InlineData(LayoutEngine.Circo)]
    public async Task The_force_directed_and_circular_engines_draw_no_node_on_top_of_another(LayoutEngine engine)
    {
        await RendererChecks.AssertNoOverlapsAsync(Runner().Options with { Engine = engine });
    }

    [Fact]
    public async Task Value_nodes_carry_full_precision_tooltips_into_the_svg()
    {
        var x = new Value(0.1, "x");
        var y = x * 3;
        y.Label = "y";
        y.Backward();

        var result = await y.RenderAsync(OutputFormat.Svg, rendering: Runner().Options, cancellationToken: TestContext.Current.CancellationToken);
        string svg = Encoding.UTF8.GetString(result.Output.Span);

        // 0.1 * 3 is 0.30000000000000004 in IEEE doubles; the drawing rounds it to 0.3000, the tooltip does not.
        Assert.Contains("xlink:title=\"data 0.1&#10;grad 3&#10;leaf\"", svg, StringComparison.Ordinal);
        Assert.Contains("xlink:title=\"data 0.30000000000000004&#10;grad 1&#10;op *\"", svg, StringComparison.Ordinal);
        Assert.Contains("xlink:title=\"data 3&#10;grad 0.1&#10;constant\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_installed_version_is_detected()
    {
        var version = await new NativeGraphviz(GraphvizRequirement.RequireDot()).GetVersionAsync(TestContext.Current.CancellationToken);

        Assert.Contains("graphviz version", version.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(version.Version);
        Assert.True(version.Version >= new Version(2, 0));
    }

    [Fact]
    public async Task A_syntax_error_from_real_dot_is_a_typed_failure()
    {
        var error = await Assert.ThrowsAsync<GraphvizFailedException>(() => Runner().RenderAsync("digraph { a -> }", OutputFormat.Svg, TestContext.Current.CancellationToken));

        Assert.NotEqual(0, error.ExitCode);
        Assert.Contains("syntax error", error.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_operand_places_of_a_difference_show_on_its_edges()
    {
        await RendererChecks.AssertOperandPlacesAsync(Runner().Options);
    }

    [Fact]
    public async Task A_sum_of_three_hundred_products_draws_as_a_small_picture()
    {
        await RendererChecks.AssertWideSumIsCompactAsync(Runner().Options);
    }

    [Fact]
    public async Task Layers_and_neurons_are_laid_out_in_index_order()
    {
        await RendererChecks.AssertClustersInIndexOrderAsync(Runner().Options, false, true);
    }
}
