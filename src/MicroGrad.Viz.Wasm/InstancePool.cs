using System.Collections.Concurrent;

namespace MicroGrad.Viz.Wasm;

/// <summary>Idle instances of one memory limit, reused so a rendering skips instantiation (~20 ms).</summary>
internal sealed class InstancePool(GraphvizRuntime runtime, long memoryLimit)
{
    private readonly ConcurrentBag<GraphvizInstance> _idle = [];
    private readonly int _maxIdle = Math.Max(2, Environment.ProcessorCount);

    public GraphvizInstance Rent() => _idle.TryTake(out var instance) ? instance : Create();

    /// <summary>A new instance, for a rendering that must not see an earlier one's heap.</summary>
    public GraphvizInstance Create() => new(runtime.Engine, runtime.Module, memoryLimit);

    public void Return(GraphvizInstance instance)
    {
        if (instance.IsBroken || _idle.Count >= _maxIdle)
        {
            instance.Dispose();
            return;
        }

        _idle.Add(instance);
    }
}
