using System.Text;

namespace MicroGrad.Viz.Tests.TestSupport;

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
}
