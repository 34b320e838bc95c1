using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.Tests.TestSupport;

namespace MicroGrad.Viz.Tests;

/// <summary>
/// The README's pictures under <c>docs/images</c> must match what the code draws today. Each image
/// has its DOT committed beside it: the DOT must equal the current output byte for byte, and the SVG
/// must show exactly the nodes and texts of that DOT. Regenerate both with
/// <c>tools/update-docs-images.sh</c> (it needs Graphviz); the embedded renderer's versions with
/// <c>tools/render-embedded-gallery.sh</c> (it does not).
/// </summary>
public class DocsImagesTests
{
    public const string UpdateVariable = "MGVIZ_UPDATE_DOCS";

    public static TheoryData<string> Images => [.. Gallery.Keys];

    private static readonly Dictionary<string, Func<DotGraph>> Gallery = new(StringComparer.Ordinal)
    {
        ["seed"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.Seed(backward: true)),
        ["neuron"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.Neuron()),
        ["neuron-gradients"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.Neuron(), new DrawingOptions { ColorByGradient = true }),
        ["mlp-node-for-node"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.SmallMlp()),
        ["mlp-clusters"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.SmallMlp(), new DrawingOptions { Modules = ModuleView.Clusters, CollapseChains = true }),
        ["mlp-modules"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.SmallMlp(), new DrawingOptions { Modules = ModuleView.Collapsed, FoldConstants = true }),
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task Committed_image_matches_the_code(string name)
    {
        var graph = Gallery[name]();
        string dot = DotWriter.ToDot(graph);
        string dotPath = Path.Combine(ImagesFolder, name + ".dot");
        string svgPath = Path.Combine(ImagesFolder, name + ".svg");

        if (!Snapshot.IsCi && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(ImagesFolder);
            await File.WriteAllTextAsync(dotPath, dot, TestContext.Current.CancellationToken);
            var runner = new GraphvizRunner(new GraphvizOptions { DotPath = GraphvizRequirement.RequireDot(), WarningsAsErrors = true });
            await runner.SaveAsync(graph, svgPath, GraphvizFormat.Svg, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(dotPath), $"{dotPath} is missing: run tools/update-docs-images.sh");
        Assert.True(
            dot == await File.ReadAllTextAsync(dotPath, TestContext.Current.CancellationToken),
            $"docs/images/{name}.dot is stale: the code draws it differently now. Run tools/update-docs-images.sh and review the images.");

        var svg = SvgNodes.Parse(await File.ReadAllBytesAsync(svgPath, TestContext.Current.CancellationToken));
        Assert.Equal(graph.EnumerateNodes().Select(n => n.Id).Order(StringComparer.Ordinal), svg.Keys.Order(StringComparer.Ordinal));
        foreach (var node in graph.EnumerateNodes())
        {
            Assert.Equal(Texts(node.Attributes["label"]), svg[node.Id].Select(t => t.Replace('\u00A0', ' ')));
        }
    }

    /// <summary>
    /// The embedded renderer's drawings of the same graphs (<c>docs/images/embedded</c>): its output is
    /// deterministic, so these are compared byte for byte, and regenerating them needs no Graphviz.
    /// </summary>
    [Theory]
    [MemberData(nameof(Images))]
    public async Task Committed_embedded_image_matches_the_code(string name)
    {
        string svg = MicroGrad.Viz.Embedded.EmbeddedRenderer.RenderSvg(Gallery[name](), TestContext.Current.CancellationToken);
        string path = Path.Combine(ImagesFolder, "embedded", name + ".svg");

        if (!Snapshot.IsCi && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, svg, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run tools/render-embedded-gallery.sh");
        Assert.True(
            svg == await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken),
            $"docs/images/embedded/{name}.svg is stale: the embedded renderer draws it differently now. Run tools/render-embedded-gallery.sh and review the images.");
    }

    private static string ImagesFolder => Path.Combine(Snapshot.RepositoryRoot, "docs", "images");

    private static IEnumerable<string> Texts(DotValue label) =>
        label.Record is { } record ? Fields(record) : [label.Text!];

    private static IEnumerable<string> Fields(DotRecord record) =>
        record.Fields.SelectMany(f => f.Group is { } group ? Fields(group) : f.Text!.Split('\n'));
}
