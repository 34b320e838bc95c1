using System.Text;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>
/// The renderer with the real in-process Graphviz: found without configuration, the README's gallery
/// locked byte for byte (its output is the same on every machine), and the same nodes as the native one.
/// </summary>
public sealed class InProcessRenderingTests : IDisposable
{
    public const string UpdateVariable = "MGVIZ_UPDATE_DOCS";

    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-inprocess-").FullName;

    public static TheoryData<string> Images => [.. Gallery.Images.Keys];

    private static string ImagesFolder => Path.Combine(Snapshot.RepositoryRoot, "docs", "images", "inprocess");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_renderer_finds_the_in_process_graphviz_of_this_package_by_itself()
    {
        var renderer = new GraphRenderer();

        Assert.Same(WasmGraphviz.Shared, renderer.InProcess);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public async Task The_gallery_drawn_in_process_matches_its_committed_svg(string name)
    {
        var graph = Gallery.Images[name]();
        var result = await new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess, WarningsAsErrors = true }).RenderAsync(graph, OutputFormat.Svg, Token);
        string svg = Encoding.UTF8.GetString(result.Output.Span);
        string path = Path.Combine(ImagesFolder, name + ".svg");

        if (!Snapshot.IsCi && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(ImagesFolder);
            await File.WriteAllTextAsync(path, svg, Token);
        }

        Assert.Equal(GraphvizChoice.InProcess, result.Renderer);
        Assert.True(File.Exists(path), $"{path} is missing: run tools/update-docs-images.sh");
        Assert.True(
            svg == await File.ReadAllTextAsync(path, Token),
            $"docs/images/inprocess/{name}.svg is stale: Graphviz in-process draws it differently now. Run tools/update-docs-images.sh and review the images.");

        // Independent of the committed file: every node of the DOT, with its texts.
        var nodes = SvgNodes.Parse(result.Output.Span);
        Assert.Equal(graph.EnumerateNodes().Select(n => n.Id).Order(StringComparer.Ordinal), nodes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Saving_in_process_writes_the_same_bytes_as_rendering()
    {
        string path = Path.Combine(_folder, "L.svg");
        var seed = SampleGraphs.Seed(backward: true);
        var options = new RenderOptions { Renderer = GraphvizChoice.InProcess };

        var saved = await seed.SaveDrawingAsync(path, rendering: options, cancellationToken: Token);
        string svg = await seed.RenderSvgAsync(rendering: options, cancellationToken: Token);

        Assert.Equal(GraphvizChoice.InProcess, saved.Renderer);
        Assert.Equal(svg, await File.ReadAllTextAsync(path, Token));
        Assert.Equal(["L.svg"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_size_guard_stops_a_large_drawing_before_graphviz_starts()
    {
        var renderer = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess, MaxNodes = 3 });

        var error = await Assert.ThrowsAsync<GraphTooLargeException>(() => renderer.RenderAsync((SampleGraphs.Seed(backward: true)).ToDotGraph(), OutputFormat.Svg, Token));

        Assert.Equal(10, error.NodeCount);
    }

    [Fact]
    public async Task The_native_and_the_in_process_graphviz_show_the_same_nodes_and_fields()
    {
        var native = new RenderOptions { DotPath = GraphvizRequirement.RequireDot(), Renderer = GraphvizChoice.Native };
        var inProcess = new RenderOptions { Renderer = GraphvizChoice.InProcess };
        foreach (var root in new[] { SampleGraphs.Seed(backward: true), SampleGraphs.Neuron(), SampleGraphs.SmallMlp() })
        {
            var graph = root.ToDotGraph();
            var byNative = await new GraphRenderer(native).RenderAsync(graph, OutputFormat.Svg, Token);
            var byInProcess = await new GraphRenderer(inProcess).RenderAsync(graph, OutputFormat.Svg, Token);

            Assert.Equal(GraphvizChoice.Native, byNative.Renderer);
            Assert.Equal(GraphvizChoice.InProcess, byInProcess.Renderer);
            Assert.Equal(SvgNodes.Parse(byNative.Output.Span), SvgNodes.Parse(byInProcess.Output.Span));
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
        await RendererChecks.AssertNoOverlapsAsync(new RenderOptions { Renderer = GraphvizChoice.InProcess, Engine = engine, WarningsAsErrors = true });
    }

    [Theory]
    [InlineData(LayoutEngine.Dot)]
    [InlineData(LayoutEngine.Neato)]
    [InlineData(LayoutEngine.Fdp)]
    [InlineData(LayoutEngine.Sfdp)]
    [InlineData(LayoutEngine.Twopi)]
    [InlineData(LayoutEngine.Circo)]
    public async Task Every_engine_draws_a_graph_the_same_way_whatever_was_drawn_before(LayoutEngine engine)
    {
        // sfdp drew a graph four ways in four renderings while instances were reused for every engine.
        var options = new RenderOptions { Renderer = GraphvizChoice.InProcess, Engine = engine };
        var mlp = (SampleGraphs.SmallMlp()).ToDotGraph();
        var first = await new GraphRenderer(options).RenderAsync(mlp, OutputFormat.Plain, Token);
        foreach (var other in new[] { SampleGraphs.Seed(backward: true), SampleGraphs.Neuron() })
        {
            await new GraphRenderer(options).RenderAsync(other.ToDotGraph(), OutputFormat.Plain, Token);
        }

        var second = await new GraphRenderer(options).RenderAsync(mlp, OutputFormat.Plain, Token);

        Assert.True(first.Output.Span.SequenceEqual(second.Output.Span), $"{engine} drew the same graph two ways");
        Assert.Empty(second.Warnings);
    }

    [Fact]
    public async Task The_operand_places_of_a_difference_show_on_its_edges()
    {
        await RendererChecks.AssertOperandPlacesAsync(new RenderOptions { Renderer = GraphvizChoice.InProcess });
    }

    [Fact]
    public async Task A_sum_of_three_hundred_products_draws_as_a_small_picture()
    {
        await RendererChecks.AssertWideSumIsCompactAsync(new RenderOptions { Renderer = GraphvizChoice.InProcess });
    }

    [Fact]
    public async Task Layers_and_neurons_are_laid_out_in_index_order()
    {
        await RendererChecks.AssertClustersInIndexOrderAsync(new RenderOptions { Renderer = GraphvizChoice.InProcess }, false);
    }
}
