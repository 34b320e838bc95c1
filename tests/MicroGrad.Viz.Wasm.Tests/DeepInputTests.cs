using System.Text;
using System.Text.RegularExpressions;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>Deep nesting: drawn, or a typed error that says why; never a picture from a corrupted instance.</summary>
public sealed partial class DeepInputTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Clusters nested <paramref name="depth"/> deep, one node in each.</summary>
    private static string NestedClusters(int depth) =>
        new StringBuilder("digraph {\n")
            .AppendJoin(string.Empty, Enumerable.Range(0, depth).Select(i => $"subgraph cluster_{i} {{ n{i};\n"))
            .Append('}', depth)
            .Append("\n}\n")
            .ToString();

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    public async Task Clusters_nested_hundreds_deep_draw_every_node_and_cluster(int depth)
    {
        // With Emscripten's 64 KiB C stack, 260 to 300 deep ran over Graphviz's static data.
        var (svg, _) = await new WasmGraphviz().RenderAsync(NestedClusters(depth), OutputFormat.Svg, LayoutEngine.Dot, Token);

        string text = Encoding.UTF8.GetString(svg);
        Assert.Equal(depth, NodeGroup().Count(text));
        Assert.Equal(depth, ClusterGroup().Count(text));
    }

    [Fact]
    public async Task Subgraphs_nested_ten_thousand_deep_are_graphvizs_parse_error_not_an_empty_picture()
    {
        string dot = "digraph { " + string.Concat(Enumerable.Repeat("subgraph { ", 10_000)) + "a" + new string('}', 10_000) + " }";

        var error = await Assert.ThrowsAsync<GraphvizFailedException>(() => new WasmGraphviz().RenderAsync(dot, OutputFormat.Svg, LayoutEngine.Dot, Token));

        Assert.Contains("Error: memory exhausted in line 1", error.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rendering_that_reached_the_stack_canary_is_a_stack_crash_without_output()
    {
        // The stand-in's malloc hands out (and fills) memory from 16,384 up: with the canary placed
        // there, copying the DOT in is what a stack overrun would do to it.
        var runtime = new GraphvizRuntime(GraphvizRuntime.NewEngine(), FakeGraphviz.Compile, stackEnd: 16_384);
        var graphviz = new WasmGraphviz(() => runtime, 32L << 20);

        var error = await Assert.ThrowsAsync<GraphvizCrashedException>(() => graphviz.RenderAsync("ok", OutputFormat.Svg, LayoutEngine.Dot, Token));

        Assert.StartsWith("Graphviz (in-process) ran out of stack", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("<g id=\"node\\d+\" class=\"node\">")]
    private static partial Regex NodeGroup();

    [GeneratedRegex("<g id=\"clust\\d+\" class=\"cluster\">")]
    private static partial Regex ClusterGroup();
}
