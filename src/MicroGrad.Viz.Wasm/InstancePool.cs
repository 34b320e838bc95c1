using System.Collections.Concurrent;

namespace MicroGrad.Viz.Wasm;

/// <summary>Idle instances of one memory limit, reused so a rendering skips instantiation (~20 ms).</summary>
/// <param name="runtime">The engine and module the instances are made of.</param>
/// <param name="memoryLimit">Each instance's memory limit.</param>
/// <param name="maxIdle">How many idle instances are kept; more returned are disposed.</param>
internal sealed class InstancePool(GraphvizRuntime runtime, long memoryLimit, int maxIdle)
{
    private readonly ConcurrentBag<GraphvizInstance> _idle = [];

    /// <summary>As many idle instances as renderings can run at once, and at least two.</summary>
    public static int DefaultMaxIdle(int processorCount) => Math.Max(2, processorCount);

    public int IdleCount => _idle.Count;

    public GraphvizInstance Rent() => _idle.TryTake(out var instance) ? instance : Create();

    /// <summary>A new instance, for a rendering that must not see an earlier one's heap.</summary>
    public GraphvizInstance Create() => new(runtime.Engine, runtime.Module, memoryLimit);

    public void Return(GraphvizInstance instance)
    {
        if (instance.IsBroken || _idle.Count >= maxIdle)
        {
            instance.Dispose();
            return;
        }

        _idle.Add(instance);
    }
}
