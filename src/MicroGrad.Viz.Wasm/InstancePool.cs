using System.Collections.Concurrent;

namespace MicroGrad.Viz.Wasm;

/// <summary>
/// Instances of one memory limit that have never rendered, made ahead (by a warm-up) so a rendering
/// skips instantiation. An instance that has rendered is never kept: a rendering must draw exactly
/// what a fresh instance draws (see <see cref="GraphvizInstance"/>), and its memory may have grown.
/// </summary>
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

    public GraphvizInstance Create() => new(runtime.Engine, runtime.Module, memoryLimit, runtime.StackEnd);

    /// <summary>Keeps an instance that has never rendered (up to <c>maxIdle</c>); disposes any other.</summary>
    public void Return(GraphvizInstance instance)
    {
        if (instance.IsBroken || instance.HasRendered || _idle.Count >= maxIdle)
        {
            instance.Dispose();
            return;
        }

        _idle.Add(instance);
    }
}
