using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>
/// The runtime's epoch ticker, which lets a running layout see its token: it must tick while a
/// rendering runs (or cancelling cannot stop one) and only then (a library that wakes a thread every
/// 10 ms for nothing is a bad guest in a host process).
/// </summary>
public sealed class GraphvizRuntimeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void A_runtime_holds_the_engine_it_was_given_and_the_module_compiled_for_it()
    {
        using var engine = GraphvizRuntime.NewEngine();
        Wasmtime.Engine? compiledFor = null;

        var runtime = new GraphvizRuntime(engine, e =>
        {
            compiledFor = e;
            return FakeGraphviz.Compile(e);
        });

        Assert.Same(engine, runtime.Engine);
        Assert.Same(engine, compiledFor);
        Assert.Equal("fake-graphviz", runtime.Module.Name);
        Assert.False(runtime.IsTicking);
    }

    [Fact]
    public void The_ticker_runs_from_the_first_enter_to_the_last_exit()
    {
        var runtime = FakeGraphviz.NewRuntime();
        var seen = new List<bool>();

        runtime.Enter();
        seen.Add(runtime.IsTicking);
        runtime.Enter();
        runtime.Exit();
        seen.Add(runtime.IsTicking);
        runtime.Exit();
        seen.Add(runtime.IsTicking);
        runtime.Enter();
        seen.Add(runtime.IsTicking);
        runtime.Exit();
        seen.Add(runtime.IsTicking);

        Assert.Equal([true, true, false, true, false], seen);
    }

    [Fact]
    public async Task The_ticker_runs_while_a_layout_runs_and_stops_after_it_whatever_the_outcome()
    {
        var runtime = FakeGraphviz.NewRuntime();
        var graphviz = new WasmGraphviz(() => runtime, 32L << 20);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var endless = graphviz.RenderAsync(FakeCommand.Endless, OutputFormat.Svg, LayoutEngine.Dot, cancel.Token);
        bool tickedWhileRunning = SpinWait.SpinUntil(() => runtime.IsTicking, TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => endless);
        bool tickingAfterCancel = runtime.IsTicking;
        await Assert.ThrowsAsync<GraphvizCrashedException>(() => graphviz.RenderAsync(FakeCommand.Unreachable, OutputFormat.Svg, LayoutEngine.Dot, Token));
        bool tickingAfterCrash = runtime.IsTicking;
        await graphviz.RenderAsync("ok", OutputFormat.Svg, LayoutEngine.Neato, Token);

        Assert.True(tickedWhileRunning);
        Assert.False(tickingAfterCancel);
        Assert.False(tickingAfterCrash);
        Assert.False(runtime.IsTicking);
    }

    [Fact]
    public async Task A_new_engine_lets_a_cancelled_token_interrupt_running_wasm()
    {
        // "T" turns a loop 2^32 times: seconds of work that only epoch interruption can cut short.
        var graphviz = new WasmGraphviz(FakeGraphviz.NewRuntime, 32L << 20);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => graphviz.RenderAsync(FakeCommand.Seconds, OutputFormat.Svg, LayoutEngine.Dot, cancel.Token));

        Assert.Equal("The Graphviz layout was cancelled.", error.Message);
    }
}
