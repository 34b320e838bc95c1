using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>
/// How <see cref="WasmGraphviz"/> behaves as a guest in its host process: the thread wasm runs on,
/// the warm-up, the instances it keeps, and no continuation sent back to the caller's context.
/// </summary>
public sealed class WasmGraphvizHostTests
{
    private const long Limit = 32L << 20;

    private readonly WasmGraphviz _graphviz = new(() => FakeGraphviz.Runtime, Limit);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wasm_runs_on_a_named_background_thread_of_its_own()
    {
        // Background: a layout that never ends must not keep the process from exiting.
        var (background, name, pooled) = await WasmGraphviz.RunOnGraphvizThread(
            () => (Thread.CurrentThread.IsBackground, Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));

        Assert.True(background);
        Assert.Equal("Graphviz (wasm)", name);
        Assert.False(pooled);
    }

    [Fact]
    public async Task What_the_work_throws_reaches_the_caller()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WasmGraphviz.RunOnGraphvizThread<int>(() => throw new InvalidOperationException("from the Graphviz thread")));

        Assert.Equal("from the Graphviz thread", error.Message);
    }

    [Fact]
    public async Task Warming_up_prepares_one_instance_once()
    {
        var first = _graphviz.WarmUpAsync();
        var second = _graphviz.WarmUpAsync();
        await first;

        Assert.Same(first, second);
        Assert.Equal(1, _graphviz.Pool.IdleCount);
    }

    [Fact]
    public async Task Reading_the_version_returns_its_instance_to_the_pool()
    {
        Assert.Equal("unknown", await _graphviz.ReadVersionAsync()); // the fake has no version text
        Assert.Equal(1, _graphviz.Pool.IdleCount);
    }

    [Fact]
    public async Task Renderings_send_nothing_back_to_the_callers_synchronization_context()
    {
        // A UI thread that blocks on a rendering would deadlock if the rendering needed that thread
        // to go on. The real module, for PNG: Skia needs real SVG.
        var context = new CountingContext();
        using var stream = new MemoryStream();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task svg, png;
        try
        {
            svg = WasmGraphviz.Shared.RenderAsync("digraph { a -> b }", OutputFormat.Svg, LayoutEngine.Dot, stream, Token);
            png = WasmGraphviz.Shared.RenderAsync("digraph { a -> b }", OutputFormat.Png, LayoutEngine.Dot, Token);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        await Task.WhenAll(svg, png);

        Assert.True(stream.Length > 0);
        Assert.Equal(0, context.Posts);
    }

    private sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }
}
