using System.Text;
using Wasmtime;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>Which instances the pool keeps for reuse, and that it disposes the rest.</summary>
public sealed class InstancePoolTests
{
    private readonly InstancePool _pool = new(FakeGraphviz.Runtime, 4L << 20, maxIdle: 2);

    private static bool IsDisposed(GraphvizInstance instance)
    {
        try
        {
            instance.ReadVersion();
            return false;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(16, 16)]
    public void It_keeps_one_idle_instance_per_processor_and_at_least_two(int processors, int kept)
    {
        Assert.Equal(kept, InstancePool.DefaultMaxIdle(processors));
    }

    [Fact]
    public void Returned_instances_are_rented_again_up_to_the_most_it_keeps_and_the_rest_are_disposed()
    {
        var (a, b, c) = (_pool.Create(), _pool.Create(), _pool.Create());

        _pool.Return(a);
        _pool.Return(b);
        _pool.Return(c);
        int idle = _pool.IdleCount;
        GraphvizInstance[] rented = [_pool.Rent(), _pool.Rent(), _pool.Rent()];

        Assert.Equal(2, idle);
        Assert.True(IsDisposed(c));
        Assert.Equal(new HashSet<GraphvizInstance>([a, b]), new HashSet<GraphvizInstance>(rented[..2]));
        Assert.DoesNotContain(rented[2], new[] { a, b, c });
        Assert.All(rented, instance => Assert.False(IsDisposed(instance)));
        Assert.All(rented, instance => instance.Dispose());
    }

    [Fact]
    public void A_broken_instance_is_disposed_not_kept()
    {
        var instance = _pool.Rent();
        Assert.ThrowsAny<WasmtimeException>(() => instance.Render(Encoding.UTF8.GetBytes(FakeCommand.Unreachable), "svg", "dot", CancellationToken.None));

        _pool.Return(instance);

        Assert.True(instance.IsBroken);
        Assert.Equal(0, _pool.IdleCount);
        Assert.True(IsDisposed(instance));
    }
}
