using System.Diagnostics;
using System.Text;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>
/// Inputs no one should send, sent: each ends in a typed error of bounded size within its timeout, and the
/// same renderer draws the next graph as if nothing had happened.
/// </summary>
public sealed class BrokenInputTests
{
    private const string Small = "digraph { a -> b }";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);

    // Generous: these machines are loaded, and the point is that the rendering stops, not how fast.
    private static readonly TimeSpan s_stopMargin = TimeSpan.FromSeconds(10);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> TooBigToDraw => new()
    {
        // Graphviz 16 scans a quoted string in time that grows with the square of its length (1 MB: about
        // 1 s in-process), so 50 MB would run for most of an hour.
        "label",
        // Two hundred thousand nodes: the text path has no node guard, so the timeout is what stops it.
        "nodes",
    };

    [Theory]
    [MemberData(nameof(TooBigToDraw))]
    public async Task A_graph_too_big_to_draw_stops_at_its_timeout_with_a_short_message_and_the_renderer_draws_on(string kind)
    {
        string dot = kind == "label"
            ? "digraph { a [label=\"" + new string('x', 50_000_000) + "\"] }"
            : new StringBuilder("digraph {").AppendJoin(string.Empty, Enumerable.Range(0, 200_000).Select(i => $"n{i};")).Append('}').ToString();
        var renderer = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess, Timeout = s_timeout });

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RenderTimeoutException>(() => renderer.RenderAsync(dot, OutputFormat.Svg, Token));
        clock.Stop();

        Assert.True(clock.Elapsed < s_timeout + s_stopMargin, $"the rendering ran {clock.Elapsed.TotalSeconds:0.0} s with a timeout of {s_timeout.TotalSeconds} s");
        Assert.True(error.Message.Length < 400, error.Message);
        var next = await renderer.RenderAsync(Small, OutputFormat.Svg, Token);
        Assert.Equal(2, SvgNodes.Parse(next.Output.Span).Count);
    }

    [Fact]
    public async Task Clusters_nested_three_thousand_deep_are_graphvizs_parse_error_with_both_renderers()
    {
        // Native 2.43 and 16.1 in-process both stop at the parser's own limit: Bison's stack (YYMAXDEPTH,
        // 10,000 entries by default) fills at about four entries per nesting level, in line 2,500. Slow in
        // both: about 20 s each on this project's CI machines.
        var dot = new StringBuilder("digraph {\n")
            .AppendJoin(string.Empty, Enumerable.Range(0, 3000).Select(i => $"subgraph cluster_{i} {{ n{i};\n"))
            .Append('}', 3000)
            .Append("\n}\n")
            .ToString();
        var native = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = GraphvizRequirement.RequireDot(), Timeout = TimeSpan.FromMinutes(3) });
        var inProcess = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess, Timeout = TimeSpan.FromMinutes(3) });

        var both = await Task.WhenAll(
            Assert.ThrowsAsync<GraphvizFailedException>(() => native.RenderAsync(dot, OutputFormat.Svg, Token)),
            Assert.ThrowsAsync<GraphvizFailedException>(() => inProcess.RenderAsync(dot, OutputFormat.Svg, Token)));

        Assert.All(both, error => Assert.Contains("memory exhausted in line 2500", error.StandardError, StringComparison.Ordinal));
    }
}
