using Wasmtime;

namespace MicroGrad.Viz.Wasm;

/// <summary>
/// What every <see cref="WasmGraphviz"/> in the process shares: one Wasmtime engine, the compiled
/// module (from <see cref="ModuleCache"/>), the epoch ticker that lets a running layout notice its
/// deadline, and a pool of idle instances.
/// </summary>
#pragma warning disable CA1001 // One per process, alive until it exits: nothing to dispose early.
internal sealed class GraphvizRuntime
#pragma warning restore CA1001
{
    /// <summary>
    /// The wasm stack. Graphviz recurses over the graph, so deep chains need more than Wasmtime's
    /// 512 KiB default (15,000 nodes in a chain exhausted it); Wasmtime refuses more than 2 MiB
    /// without an async stack to match, so 2 MiB it is.
    /// </summary>
    public const int WasmStackBytes = 2 * 1024 * 1024;

    /// <summary>How often a running layout checks its deadline and cancellation token.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private static readonly Lazy<GraphvizRuntime> s_shared = new(() => new GraphvizRuntime(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lock _tickerLock = new();
    private readonly Timer _ticker;
    private int _running;

    private GraphvizRuntime()
        : this(NewEngine(), engine => ModuleCache.LoadFromUserCache(engine, WasmModule.ReadBytes, WasmModule.CacheKey), WasmModule.StackEnd)
    {
    }

    /// <summary>A runtime for another module (tests run the host against a stand-in module).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="module">Compiles or loads the module.</param>
    /// <param name="stackEnd">The lowest address of the module's C stack, guarded by a canary; <see langword="null"/> for none.</param>
    internal GraphvizRuntime(Engine engine, Func<Engine, Module> module, int? stackEnd = null)
    {
        Engine = engine;
        Module = module(engine);
        StackEnd = stackEnd;
        _ticker = new Timer(_ => Engine.IncrementEpoch(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public static GraphvizRuntime Shared => s_shared.Value;

    /// <summary>The engine every Graphviz instance needs: epoch interruption on, a wasm stack of <see cref="WasmStackBytes"/>.</summary>
    internal static Engine NewEngine() => new(new Config().WithEpochInterruption(true).WithMaximumStackSize(WasmStackBytes));

    public Engine Engine { get; }

    /// <summary>The lowest address of the module's C stack, where each instance keeps a canary; <see langword="null"/> when unknown.</summary>
    public int? StackEnd { get; }

    public Module Module { get; }

    /// <summary>Whether the epoch ticker runs: only while some rendering is between <see cref="Enter"/> and <see cref="Exit"/>.</summary>
    public bool IsTicking
    {
        get
        {
            lock (_tickerLock)
            {
                return _running > 0;
            }
        }
    }

    /// <summary>Keeps the epoch ticking while at least one rendering runs.</summary>
    public void Enter()
    {
        lock (_tickerLock)
        {
            if (_running++ == 0)
            {
                _ticker.Change(Tick, Tick);
            }
        }
    }

    public void Exit()
    {
        lock (_tickerLock)
        {
            if (--_running == 0)
            {
                _ticker.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }
    }
}
