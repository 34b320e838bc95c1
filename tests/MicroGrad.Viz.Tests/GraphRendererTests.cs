using System.Text;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Tests;

/// <summary>
/// Choosing between the native and the in-process Graphviz, and what <see cref="GraphRenderer"/>
/// does around either (size guard, warnings, atomic files). The in-process Graphviz here is a fake
/// that records its calls; the real one is tested in MicroGrad.Viz.Wasm.Tests.
/// </summary>
public sealed class GraphRendererTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-renderer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DotGraph Seed() => (SampleGraphs.Seed(backward: true)).ToDotGraph();

    private static RenderOptions InProcess(FakeInProcess fake) => new() { Renderer = GraphvizChoice.InProcess, InProcess = fake };

    [Fact]
    public void An_explicit_choice_is_kept()
    {
        Assert.Equal(GraphvizChoice.InProcess, new GraphRenderer(InProcess(new FakeInProcess())).Choose());
        Assert.Equal(GraphvizChoice.Native, new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, InProcess = new FakeInProcess() }).Choose());
    }

    [Fact]
    public void Auto_keeps_the_native_graphviz_for_a_configured_dot_path_and_for_formats_the_in_process_one_lacks()
    {
        var fake = new FakeInProcess();

        // A configured path is a request for the native Graphviz: a wrong path must fail loudly, not fall back.
        Assert.Equal(GraphvizChoice.Native, new GraphRenderer(new RenderOptions { DotPath = "/nonexistent/dot", InProcess = fake }).Choose());
        Assert.Equal(GraphvizChoice.Native, new GraphRenderer(new RenderOptions { InProcess = fake }).Choose(OutputFormat.Png));
        Assert.Equal(GraphvizChoice.Native, new GraphRenderer(new RenderOptions { InProcess = fake }).Choose(OutputFormat.Pdf));
    }

    [Fact]
    public void Auto_picks_the_native_graphviz_where_dot_is_installed()
    {
        GraphvizRequirement.RequireDot();

        Assert.Equal(GraphvizChoice.Auto, RenderOptions.Default.Renderer);
        Assert.Equal(GraphvizChoice.Native, new GraphRenderer(new RenderOptions { InProcess = new FakeInProcess() }).Choose());
    }

    [Fact]
    public async Task A_configured_but_missing_dot_is_reported_not_replaced()
    {
        var renderer = new GraphRenderer(new RenderOptions { DotPath = "/nonexistent/dot", InProcess = new FakeInProcess() });

        await Assert.ThrowsAsync<GraphvizNotFoundException>(() => renderer.RenderAsync(Seed(), OutputFormat.Svg, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_the_wasm_package_the_in_process_graphviz_is_reported_missing()
    {
        // This test assembly does not reference MicroGrad.Viz.Wasm, so discovery finds nothing.
        var renderer = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess });

        Assert.Null(renderer.InProcess);
        var error = await Assert.ThrowsAsync<GraphvizNotFoundException>(() => renderer.RenderAsync(Seed(), OutputFormat.Svg, TestContext.Current.CancellationToken));
        Assert.Contains("MicroGrad.Viz.Wasm package", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_process_graphviz_gets_the_dot_text_and_engine_and_its_warnings_come_back()
    {
        var fake = new FakeInProcess { Warnings = ["Warning: node x, port y unrecognized"] };
        var options = InProcess(fake) with { Engine = LayoutEngine.Neato };
        var graph = Seed();

        var result = await new GraphRenderer(options).RenderAsync(graph, OutputFormat.Svg, TestContext.Current.CancellationToken);

        Assert.Equal(GraphvizChoice.InProcess, result.Renderer);
        Assert.Equal(OutputFormat.Svg, result.Format);
        Assert.Equal("<svg>fake</svg>", Encoding.UTF8.GetString(result.Output.Span));
        Assert.Equal(["Warning: node x, port y unrecognized"], result.Warnings);
        var call = Assert.Single(fake.Calls);
        Assert.Equal(DotWriter.ToDot(graph), call.Dot);
        Assert.Equal((OutputFormat.Svg, LayoutEngine.Neato), (call.Format, call.Engine));
    }

    [Fact]
    public async Task The_timeout_stops_either_graphviz_through_its_token()
    {
        var fake = new FakeInProcess { WaitForCancellation = true };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RenderTimeoutException>(() =>
            new GraphRenderer(InProcess(fake) with { Timeout = TimeSpan.FromMilliseconds(200) }).RenderAsync(Seed(), OutputFormat.Svg, TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromMilliseconds(200), error.Timeout);
        Assert.Equal(["fake graphviz", "-Tsvg", "-Kdot"], error.Arguments);
        Assert.StartsWith("Graphviz did not finish within 0.2 s and was stopped: fake graphviz -Tsvg -Kdot.", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(190), $"stopped after only {clock.Elapsed}");
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_timeout()
    {
        var fake = new FakeInProcess { WaitForCancellation = true };
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new GraphRenderer(InProcess(fake)).RenderAsync(Seed(), OutputFormat.Svg, cancel.Token));

        Assert.IsNotType<RenderTimeoutException>(error, exactMatch: false);
    }

    [Fact]
    public async Task Dot_is_written_without_any_graphviz_and_at_any_size()
    {
        var fake = new FakeInProcess();
        var graph = Seed();
        string path = Path.Combine(_folder, "seed.gv");

        var inMemory = await new GraphRenderer(InProcess(fake) with { MaxNodes = 1 }).RenderAsync(graph, OutputFormat.Dot, TestContext.Current.CancellationToken);
        var saved = await new GraphRenderer(InProcess(fake) with { MaxNodes = 1 }).SaveAsync(graph, path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(inMemory.Renderer);
        Assert.Equal(DotWriter.ToDot(graph), Encoding.UTF8.GetString(inMemory.Output.Span));
        Assert.Equal(OutputFormat.Dot, saved.Format);
        Assert.Equal(DotWriter.ToDot(graph), await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task The_graph_export_needs_the_value_graph_not_a_drawing()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => new GraphRenderer().RenderAsync(Seed(), OutputFormat.Json, TestContext.Current.CancellationToken));

        Assert.Contains("SaveDrawingAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_process_warnings_can_be_errors_as_with_the_native_graphviz()
    {
        var fake = new FakeInProcess { Warnings = ["Warning: something odd"] };

        var error = await Assert.ThrowsAsync<GraphvizFailedException>(() =>
            new GraphRenderer(InProcess(fake) with { WarningsAsErrors = true }).RenderAsync(Seed(), OutputFormat.Svg, TestContext.Current.CancellationToken));

        Assert.Equal(0, error.ExitCode);
        Assert.Contains("Warning: something odd", error.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OutputFormat.Png)]
    [InlineData(OutputFormat.Pdf)]
    public async Task The_in_process_graphviz_is_not_asked_for_formats_it_lacks(OutputFormat format)
    {
        var fake = new FakeInProcess();

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => new GraphRenderer(InProcess(fake)).RenderAsync(Seed(), format, TestContext.Current.CancellationToken));

        Assert.Contains("needs the native Graphviz", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task The_size_guard_applies_to_the_in_process_graphviz()
    {
        var fake = new FakeInProcess();
        var renderer = new GraphRenderer(InProcess(fake) with { MaxNodes = 3 });

        var error = await Assert.ThrowsAsync<GraphTooLargeException>(() => renderer.RenderAsync(Seed(), OutputFormat.Svg, TestContext.Current.CancellationToken));

        Assert.Equal(10, error.NodeCount);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Saving_in_process_replaces_the_file_atomically()
    {
        string path = Path.Combine(_folder, "seed.svg");
        await File.WriteAllTextAsync(path, "previous", TestContext.Current.CancellationToken);

        var result = await new GraphRenderer(InProcess(new FakeInProcess())).SaveAsync(Seed(), path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(GraphvizChoice.InProcess, result.Renderer);
        Assert.Equal(Path.GetFullPath(path), Path.GetFullPath(result.OutputPath!));
        Assert.Equal("<svg>fake</svg>", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["seed.svg"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_failed_or_refused_save_leaves_the_existing_file_alone()
    {
        string svg = Path.Combine(_folder, "seed.svg");
        string png = Path.Combine(_folder, "seed.png");
        string unknown = Path.Combine(_folder, "seed.bmp");
        await File.WriteAllTextAsync(svg, "previous", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(png, "previous", TestContext.Current.CancellationToken);
        var failing = new FakeInProcess { Failure = new GraphvizFailedException(1, ["fake"], "Error: syntax error") };

        await Assert.ThrowsAsync<GraphvizFailedException>(() => new GraphRenderer(InProcess(failing)).SaveAsync(Seed(), svg, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<NotSupportedException>(() => new GraphRenderer(InProcess(new FakeInProcess())).SaveAsync(Seed(), png, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => new GraphRenderer(InProcess(new FakeInProcess())).SaveAsync(Seed(), unknown, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("previous", await File.ReadAllTextAsync(svg, TestContext.Current.CancellationToken));
        Assert.Equal("previous", await File.ReadAllTextAsync(png, TestContext.Current.CancellationToken));
        Assert.Equal(["seed.png", "seed.svg"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_one_line_helpers_use_the_chosen_graphviz()
    {
        string path = Path.Combine(_folder, "L.svg");
        var seed = SampleGraphs.Seed(backward: true);
        var fake = new FakeInProcess();

        var saved = await seed.SaveDrawingAsync(path, rendering: InProcess(fake), cancellationToken: TestContext.Current.CancellationToken);
        string svg = await seed.RenderSvgAsync(rendering: InProcess(fake), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(GraphvizChoice.InProcess, saved.Renderer);
        Assert.Equal("<svg>fake</svg>", svg);
        Assert.Equal(svg, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(2, fake.Calls.Count);
    }

    [Fact]
    public void An_unknown_renderer_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RenderOptions { Renderer = (GraphvizChoice)7 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RenderOptions { Engine = (LayoutEngine)42 });
    }

    /// <summary>An in-process Graphviz that records what it was asked and answers with fixed bytes.</summary>
    private sealed class FakeInProcess : IGraphvizBackend
    {
        public List<(string Dot, OutputFormat Format, LayoutEngine Engine)> Calls { get; } = [];

        public IReadOnlyList<string> Warnings { get; init; } = [];

        public Exception? Failure { get; init; }

        /// <summary>Behave like a layout that never ends: wait until the token is cancelled.</summary>
        public bool WaitForCancellation { get; init; }

        public string Name => "fake graphviz";

        public IReadOnlyCollection<OutputFormat> Formats { get; } = [OutputFormat.Svg, OutputFormat.Plain];

        public async Task<IReadOnlyList<string>> RenderAsync(string dot, OutputFormat format, LayoutEngine engine, Stream output, CancellationToken cancellationToken = default)
        {
            Calls.Add((dot, format, engine));
            if (WaitForCancellation)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (Failure is not null)
            {
                throw Failure;
            }

            await output.WriteAsync(Encoding.UTF8.GetBytes("<svg>fake</svg>"), cancellationToken);
            return Warnings;
        }
    }
}
