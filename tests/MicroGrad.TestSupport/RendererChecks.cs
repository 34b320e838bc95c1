using System.Text;
using MicroGrad.Viz;
using MicroGrad.Viz.Drawing;

namespace MicroGrad.TestSupport;

/// <summary>Checks of a drawing that must hold for either Graphviz, native or in-process.</summary>
internal static class RendererChecks
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The seed, the neuron and a small MLP, laid out with these options, put no node box on another.</summary>
    public static async Task AssertNoOverlapsAsync(RenderOptions options)
    {
        foreach (var root in new[] { SampleGraphs.Seed(backward: true), SampleGraphs.Neuron(), SampleGraphs.SmallMlp() })
        {
            var result = await root.RenderAsync(OutputFormat.Plain, rendering: options, cancellationToken: Token);

            Assert.NotEmpty(PlainLayout.Nodes(result.Output.Span));
            Assert.Empty(PlainLayout.Overlaps(result.Output.Span));
        }
    }

    /// <summary>In the SVG of <c>a - b</c>, each edge into the '-' shows which operand it brings: a is 1, b is 2.</summary>
    public static async Task AssertOperandPlacesAsync(RenderOptions options)
    {
        var a = new Value(3, "a");
        var b = new Value(2, "b");
        var difference = a - b;

        var result = await difference.RenderAsync(OutputFormat.Svg, rendering: options, cancellationToken: Token);
        string svg = Encoding.UTF8.GetString(result.Output.Span);

        foreach (var (edge, place) in new[] { ("v0&#45;&gt;v2_op", "1"), ("v1&#45;&gt;v2_op", "2") })
        {
            int start = svg.IndexOf($"<title>{edge}</title>", StringComparison.Ordinal);
            Assert.True(start > 0, $"no edge {edge}");
            int end = svg.IndexOf("<!--", start, StringComparison.Ordinal);
            Assert.Matches($">{place}</text>", svg[start..end]);
        }
    }

    /// <summary>
    /// <c>a0*b0 + … + a299*b299</c>, drawn with the default views, is a handful of nodes on a page under
    /// 2,000 pt each way (node for node it was 648 × 32,990 pt).
    /// </summary>
    public static async Task AssertWideSumIsCompactAsync(RenderOptions options)
    {
        var result = await SampleGraphs.WideSum().RenderAsync(OutputFormat.Svg, rendering: options, cancellationToken: Token);
        var svg = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(result.Output.Span)).Root!;

        double Points(string name) => double.Parse(svg.Attribute(name)!.Value.TrimEnd('p', 't'), System.Globalization.CultureInfo.InvariantCulture);
        int nodes = svg.Descendants().Count(e => e.Attribute("class")?.Value == "node");
        Assert.InRange(nodes, 1, 60);
        Assert.InRange(Points("width"), 1, 1999);
        Assert.InRange(Points("height"), 1, 1999);
        Assert.Contains("600 inputs", svg.Value, StringComparison.Ordinal);
    }

    /// <summary>
    /// An Mlp(2, 3, 3, 1) drawn left to right in clusters: layer 0 left of layer 1 left of layer 2, and
    /// in every layer neuron 0 above neuron 1 above neuron 2 (read from Graphviz's JSON output: cluster
    /// bounding boxes, y upwards). <paramref name="chainOptions"/>: the chain views under which the
    /// neurons' order holds too; with chains collapsed, neurons are symmetric for Graphviz's crossing
    /// minimisation, and Graphviz 16 (in-process) draws them mirrored, 2 above 1 above 0.
    /// </summary>
    public static async Task AssertClustersInIndexOrderAsync(RenderOptions options, params bool[] chainOptions)
    {
        foreach (bool chains in new[] { false, true })
        {
            bool neuronsInOrder = chainOptions.Contains(chains);
            var mlp = new MicroGrad.Nn.Mlp(2, 3, 3, 1);
            var score = mlp.Forward([new Value(0.5, "x0"), new Value(-1.0, "x1")])[0];
            score.Backward();
            var drawing = new DrawingOptions { Modules = ModuleView.Clusters, CollapseChains = chains };

            var result = await score.RenderAsync(OutputFormat.GraphvizJson, drawing, options, Token);
            using var json = System.Text.Json.JsonDocument.Parse(result.Output);
            var objects = json.RootElement.GetProperty("objects").EnumerateArray().ToList();
            static double[] Box(System.Text.Json.JsonElement o) =>
                [.. o.GetProperty("bb").GetString()!.Split(',').Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture))];

            var layers = objects.Where(o => o.GetProperty("label").GetString()!.StartsWith("layer", StringComparison.Ordinal)).ToList();
            Assert.Equal(["layer0", "layer1", "layer2"], layers.OrderBy(l => Box(l)[0]).Select(l => l.GetProperty("label").GetString()));
            foreach (var layer in neuronsInOrder ? layers : [])
            {
                var neurons = layer.GetProperty("subgraphs").EnumerateArray().Select(k => objects[k.GetInt32()]).ToList();
                var topDown = neurons.OrderByDescending(n => Box(n)[3]).Select(n => n.GetProperty("label").GetString());
                Assert.Equal(neurons.Select(n => n.GetProperty("label").GetString()).Order(StringComparer.Ordinal), topDown);
            }
        }
    }
}
