using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Embedded;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.Tests.TestSupport;

namespace MicroGrad.Viz.Tests;

/// <summary>Choosing between Graphviz and the embedded renderer, and rendering with either.</summary>
public sealed class GraphRendererTests : IDisposable
{
    private static readonly GraphvizOptions Embedded = new() { Renderer = Renderer.Embedded };
    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-renderer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DotGraph Seed() => ValueGraphWriter.ToDotGraph(SampleGraphs.Seed(backward: true));

    [Fact]
    public void An_explicit_choice_is_kept()
    {
        Assert.Equal(Renderer.Embedded, new GraphRenderer(Embedded).Choose());
        Assert.Equal(Renderer.Graphviz, new GraphRenderer(new GraphvizOptions { Renderer = Renderer.Graphviz }).Choose());
    }

    [Fact]
    public void Auto_keeps_graphviz_for_a_configured_dot_path_and_for_png_and_pdf()
    {
        // A configured path is a request for Graphviz: a wrong path must fail loudly, not fall back.
        Assert.Equal(Renderer.Graphviz, new GraphRenderer(new GraphvizOptions { DotPath = "/nonexistent/dot" }).Choose());
        Assert.Equal(Renderer.Graphviz, new GraphRenderer().Choose(GraphvizFormat.Png));
        Assert.Equal(Renderer.Graphviz, new GraphRenderer().Choose(GraphvizFormat.Pdf));
    }

    [Fact]
    public void Auto_picks_graphviz_where_dot_is_installed()
    {
        GraphvizRequirement.RequireDot();

        Assert.Equal(Renderer.Auto, GraphvizOptions.Default.Renderer);
        Assert.Equal(Renderer.Graphviz, new GraphRenderer().Choose());
    }

    [Fact]
    public async Task A_configured_but_missing_dot_is_reported_not_replaced()
    {
        var renderer = new GraphRenderer(new GraphvizOptions { DotPath = "/nonexistent/dot" });

        await Assert.ThrowsAsync<GraphvizNotFoundException>(() => renderer.RenderAsync(Seed(), GraphvizFormat.Svg, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_embedded_renderer_draws_svg_in_memory()
    {
        var graph = Seed();

        var result = await new GraphRenderer(Embedded).RenderAsync(graph, GraphvizFormat.Svg, TestContext.Current.CancellationToken);

        Assert.Equal(Renderer.Embedded, result.Renderer);
        Assert.Equal(GraphvizFormat.Svg, result.Format);
        Assert.Empty(result.Warnings);
        Assert.Equal(EmbeddedRenderer.RenderSvg(graph, TestContext.Current.CancellationToken), DotWriter.Utf8.GetString(result.Output.Span));
    }

    [Theory]
    [InlineData(GraphvizFormat.Png)]
    [InlineData(GraphvizFormat.Pdf)]
    public async Task The_embedded_renderer_refuses_other_formats_than_svg(GraphvizFormat format)
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => new GraphRenderer(Embedded).RenderAsync(Seed(), format, TestContext.Current.CancellationToken));

        Assert.Contains("needs Graphviz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_guard_applies_to_the_embedded_renderer()
    {
        var renderer = new GraphRenderer(Embedded with { MaxNodes = 3 });

        var error = await Assert.ThrowsAsync<GraphTooLargeException>(() => renderer.RenderAsync(Seed(), GraphvizFormat.Svg, TestContext.Current.CancellationToken));

        Assert.Equal(10, error.NodeCount);
    }

    [Fact]
    public async Task Saving_with_the_embedded_renderer_replaces_the_file_atomically()
    {
        string path = Path.Combine(_folder, "seed.svg");
        await File.WriteAllTextAsync(path, "previous", TestContext.Current.CancellationToken);

        var result = await new GraphRenderer(Embedded).SaveAsync(Seed(), path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Renderer.Embedded, result.Renderer);
        Assert.Equal(Path.GetFullPath(path), Path.GetFullPath(result.OutputPath!));
        Assert.Equal(EmbeddedRenderer.RenderSvg(Seed(), TestContext.Current.CancellationToken), await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["seed.svg"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_refused_save_leaves_the_existing_file_alone()
    {
        string png = Path.Combine(_folder, "seed.png");
        string unknown = Path.Combine(_folder, "seed.bmp");
        await File.WriteAllTextAsync(png, "previous", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<NotSupportedException>(() => new GraphRenderer(Embedded).SaveAsync(Seed(), png, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => new GraphRenderer(Embedded).SaveAsync(Seed(), unknown, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("previous", await File.ReadAllTextAsync(png, TestContext.Current.CancellationToken));
        Assert.Equal(["seed.png"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_one_line_helpers_use_the_chosen_renderer()
    {
        string path = Path.Combine(_folder, "L.svg");
        var seed = SampleGraphs.Seed(backward: true);

        var saved = await seed.SaveDrawingAsync(path, graphviz: Embedded, cancellationToken: TestContext.Current.CancellationToken);
        string svg = await seed.RenderSvgAsync(graphviz: Embedded, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Renderer.Embedded, saved.Renderer);
        Assert.Equal(svg, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["a", "data 2.0000", "grad 6.0000"], SvgNodes.Parse(DotWriter.Utf8.GetBytes(svg))["v0"]);
    }

    [Fact]
    public void An_unknown_renderer_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GraphvizOptions { Renderer = (Renderer)7 });
    }

    [Fact]
    public async Task Graphviz_and_the_embedded_renderer_show_the_same_nodes_and_fields()
    {
        var graphviz = new GraphvizOptions { DotPath = GraphvizRequirement.RequireDot(), Renderer = Renderer.Graphviz };
        foreach (var root in new[] { SampleGraphs.Seed(backward: true), SampleGraphs.Neuron(), SampleGraphs.SmallMlp() })
        {
            var graph = ValueGraphWriter.ToDotGraph(root);
            var byGraphviz = await new GraphRenderer(graphviz).RenderAsync(graph, GraphvizFormat.Svg, TestContext.Current.CancellationToken);
            var byEmbedded = await new GraphRenderer(Embedded).RenderAsync(graph, GraphvizFormat.Svg, TestContext.Current.CancellationToken);

            Assert.Equal(Renderer.Graphviz, byGraphviz.Renderer);
            Assert.Equal(SvgNodes.Parse(byGraphviz.Output.Span), SvgNodes.Parse(byEmbedded.Output.Span));
        }
    }

    /// <summary>The one-point MLP drawn node for node: about 3,000 nodes, minutes of GraphShape layout.</summary>
    private static DotGraph SlowGraph()
    {
        var mlp = new MicroGrad.Nn.Mlp(new Random(1), 2, 16, 16, 1);
        var score = mlp.Forward(1.0, -2.0)[0];
        var loss = (1 + -score).Relu() + (1e-4 * Value.Sum(mlp.Parameters().Select(p => p * p)));
        loss.Backward();
        return ValueGraphWriter.ToDotGraph(loss, new DrawingOptions { FoldConstants = false, CollapseChains = false, CollapseTerms = false, Modules = ModuleView.None });
    }

    [Fact]
    public async Task A_slow_embedded_layout_is_stopped_at_the_timeout()
    {
        var graph = SlowGraph();
        var renderer = new GraphRenderer(Embedded with { MaxNodes = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(300) });
        string path = Path.Combine(_folder, "slow.svg");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<EmbeddedLayoutTimeoutException>(() => renderer.SaveAsync(graph, path, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(graph.NodeCount, error.NodeCount);
        Assert.Contains("did not lay out", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the layout stopped only after {clock.Elapsed}"); // minutes if the abort were ignored
    }

    [Fact]
    public async Task Cancelling_stops_the_embedded_layout()
    {
        var graph = SlowGraph();
        var renderer = new GraphRenderer(Embedded with { MaxNodes = int.MaxValue });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renderer.RenderAsync(graph, GraphvizFormat.Svg, cancel.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => EmbeddedRenderer.RenderSvg(graph, new CancellationToken(canceled: true)));
    }
}
