using MicroGrad.TestSupport;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>The same input fails or succeeds the same way with native dot and with Graphviz in-process.</summary>
public sealed class GraphvizErrorRulesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Rejected => new()
    {
        // Graphviz 16.1 draws this one (without the HTML label) and prints an Error: line.
        { "digraph { a [label=<<b>x</c>>] }", "Error: mismatched tag in line 1" },
        { "digraph { a -> }", "syntax error in line 1 near '}'" },
        { "digraph { a -> b } }", "Error: syntax error in line 1 near '}'" },
        { "graph a { } graph {", "more than one graph" },
        { "digraph { a } digraph { b }", "more than one graph" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Both_renderers_reject_it_with_graphvizs_message(string dot, string message)
    {
        var native = new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = GraphvizRequirement.RequireDot() };
        var inProcess = new RenderOptions { Renderer = GraphvizChoice.InProcess };

        var nativeError = await Assert.ThrowsAsync<GraphvizFailedException>(() => new GraphRenderer(native).RenderAsync(dot, OutputFormat.Svg, Token));
        var inProcessError = await Assert.ThrowsAsync<GraphvizFailedException>(() => new GraphRenderer(inProcess).RenderAsync(dot, OutputFormat.Svg, Token));

        Assert.Contains(message, nativeError.StandardError, StringComparison.Ordinal);
        Assert.Contains(message, inProcessError.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_stays_a_warning_with_both()
    {
        const string Dot = "digraph { a [color=foo] }";
        var native = new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = GraphvizRequirement.RequireDot() };
        var inProcess = new RenderOptions { Renderer = GraphvizChoice.InProcess };

        var fromNative = await new GraphRenderer(native).RenderAsync(Dot, OutputFormat.Svg, Token);
        var fromInProcess = await new GraphRenderer(inProcess).RenderAsync(Dot, OutputFormat.Svg, Token);

        Assert.Equal(["Warning: foo is not a known color."], fromNative.Warnings);
        Assert.Equal(["Warning: foo is not a known color."], fromInProcess.Warnings);
    }
}

/// <summary>DOT text saved to a file: written atomically, like a drawing.</summary>
public sealed class DotTextSaveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-dot-text-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Saving_dot_text_writes_what_rendering_it_gives_and_a_rejected_text_leaves_the_file_alone()
    {
        var renderer = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess });
        string path = Path.Combine(_folder, "ab.svg");

        var saved = await renderer.SaveAsync("digraph { a -> b }", path, cancellationToken: TestContext.Current.CancellationToken);
        var rendered = await renderer.RenderAsync("digraph { a -> b }", OutputFormat.Svg, TestContext.Current.CancellationToken);
        byte[] before = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<GraphvizFailedException>(() => renderer.SaveAsync("digraph { a -> }", path, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(Path.GetFullPath(path), saved.OutputPath);
        Assert.Equal(OutputFormat.Svg, saved.Format);
        Assert.Equal(rendered.Output.ToArray(), before);
        Assert.Equal(before, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["ab.svg"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Saving_dot_text_as_dot_is_refused_since_it_needs_no_graphviz()
    {
        var renderer = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess });

        await Assert.ThrowsAsync<NotSupportedException>(() => renderer.SaveAsync("digraph { a }", Path.Combine(_folder, "a.dot"), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(_folder));
    }
}
