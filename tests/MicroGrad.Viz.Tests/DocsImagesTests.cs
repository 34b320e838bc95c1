using MicroGrad.TestSupport;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Tests;

/// <summary>
/// The README's pictures under <c>docs/images</c> must match what the code draws today. Each image
/// has its DOT committed beside it: the DOT must equal the current output byte for byte, and the SVG
/// must show exactly the nodes and texts of that DOT. Regenerate both with
/// <c>tools/update-docs-images.sh</c> (it needs a native Graphviz). The in-process Graphviz's
/// versions, compared byte for byte, are checked in MicroGrad.Viz.Wasm.Tests.
/// </summary>
public class DocsImagesTests
{
    public const string UpdateVariable = "MGVIZ_UPDATE_DOCS";

    public static TheoryData<string> Images => [.. Gallery.Images.Keys];

    [Theory]
    [MemberData(nameof(Images))]
    public async Task Committed_image_matches_the_code(string name)
    {
        var graph = Gallery.Images[name]();
        string dot = DotWriter.ToDot(graph);
        string dotPath = Path.Combine(ImagesFolder, name + ".dot");
        string svgPath = Path.Combine(ImagesFolder, name + ".svg");

        if (!Snapshot.IsCi && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(ImagesFolder);
            await File.WriteAllTextAsync(dotPath, dot, TestContext.Current.CancellationToken);
            var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = GraphvizRequirement.RequireDot(), WarningsAsErrors = true });
            await runner.SaveAsync(graph, svgPath, OutputFormat.Svg, TestContext.Current.CancellationToken);
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

    private static string ImagesFolder => Path.Combine(Snapshot.RepositoryRoot, "docs", "images");

    private static IEnumerable<string> Texts(DotValue label) =>
        label.Record is { } record ? Fields(record) : [label.Text!];

    private static IEnumerable<string> Fields(DotRecord record) =>
        record.Fields.SelectMany(f => f.Group is { } group ? Fields(group) : f.Text!.Split('\n'));
}
