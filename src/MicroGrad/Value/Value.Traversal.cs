using System.Buffers;

namespace MicroGrad;

// The topological order: iterative, stamped, with per-thread buffers.
public sealed partial class Value
{
    /// <summary>
    /// This value and every value it depends on, each once, inputs before the values computed from
    /// them; this value comes last.
    /// </summary>
    /// <remarks>
    /// The order is a depth-first post-order that visits inputs in operand order, so it depends
    /// only on the shape of the graph: the same graph gives the same order in every run.
    /// </remarks>
    /// <returns>A new list; changing it does not change the graph.</returns>
    public IReadOnlyList<Value> TopologicalOrder()
    {
        RentOrder();
        int count = FillTopologicalOrder();
        var order = new Value[count];
        Array.Copy(t_order!, order, count);
        ReturnOrder(count);
        return order;
    }

    /// <summary>
    /// <see cref="TopologicalOrder()"/> into arrays rented from <see cref="ArrayPool{T}.Shared"/>, with
    /// each value's inputs as indices into the order: two slots per value in <paramref name="inputs"/>,
    /// left then right, -1 where it has fewer inputs. What a drawing's passes walk, without a map from
    /// value to position and, drawn again and again, without large arrays that push towards full GCs.
    /// The caller gives both back with <see cref="ReturnTopologicalOrder"/>. Small graphs get plain
    /// arrays: the pool is for the large ones, and a first drawing need not set it up.
    /// </summary>
    /// <returns>How many values the order has; the arrays may be longer.</returns>
    internal int RentTopologicalOrder(out Value[] order, out int[] inputs)
    {
        RentOrder();
        int count = FillTopologicalOrder();
        order = count < PooledFrom ? new Value[count] : ArrayPool<Value>.Shared.Rent(count);
        Array.Copy(t_order!, order, count);
        ReturnOrder(count);
        inputs = count < PooledFrom ? new int[2 * count] : ArrayPool<int>.Shared.Rent(2 * count);

        // Each value's stamp holds its position for one pass (inputs come first, so theirs is set when
        // read), then every value gets a fresh stamp, as if traversed with it: no later traversal can
        // take a position for its own stamp.
        for (int i = 0; i < count; i++)
        {
            var value = order[i];
            value._traversal = i;
            inputs[2 * i] = value._left is { } left ? left._traversal : -1;
            inputs[(2 * i) + 1] = value._right is { } right ? right._traversal : -1;
        }

        int stamp = NextTraversal();
        for (int i = 0; i < count; i++)
        {
            order[i]._traversal = stamp;
        }

        return count;
    }

    /// <summary>Gives back the arrays of <see cref="RentTopologicalOrder"/>, the order cleared so the pool keeps no graph alive.</summary>
    internal static void ReturnTopologicalOrder(Value[] order, int[] inputs)
    {
        if (order.Length >= PooledFrom)
        {
            ArrayPool<Value>.Shared.Return(order, clearArray: true);
            ArrayPool<int>.Shared.Return(inputs);
        }
    }

    /// <summary>Orders of at least this many values are rented: below it the arrays are small objects, cheap to collect.</summary>
    private const int PooledFrom = 4096;

    // Traversal buffers, reused per thread: a graph of 65k values would otherwise allocate two
    // large-object-heap arrays per backward pass, and each such allocation pushes towards a full GC.
    [ThreadStatic]
    private static Value[]? t_order;

    [ThreadStatic]
    private static Value[]? t_stack;

    private static Value[] RentOrder() => t_order ??= new Value[256];

    /// <summary>Drops the buffer's references so it does not keep a graph alive.</summary>
    private static void ReturnOrder(int count) => Array.Clear(t_order!, 0, count);

    /// <summary>
    /// Writes the post-order into <c>t_order</c> (growing it as needed) and returns the count.
    /// Iterative: a node stays on the stack until both its inputs are done.
    /// </summary>
    private int FillTopologicalOrder()
    {
        // A per-traversal stamp marks visited values: no hashing by identity, no recursion.
        int stamp = NextTraversal();
        var order = t_order!;
        var stack = t_stack ??= new Value[256];
        int count = 0, depth = 0;
        _traversal = stamp;
        stack[depth++] = this;
        while (depth > 0)
        {
            var node = stack[depth - 1];
            var input = node._left is { } left && left._traversal != stamp ? left
                : node._right is { } right && right._traversal != stamp ? right
                : null;
            if (input is not null)
            {
                input._traversal = stamp;
                if (depth == stack.Length)
                {
                    Array.Resize(ref stack, stack.Length * 2);
                    t_stack = stack;
                }

                stack[depth++] = input;
                continue;
            }

            stack[--depth] = null!;
            if (count == order.Length)
            {
                Array.Resize(ref order, order.Length * 2);
                t_order = order;
            }

            order[count++] = node;
        }

        return count;
    }

    private static int NextTraversal()
    {
        int stamp = Interlocked.Increment(ref s_lastTraversal);
        // 0 is the mark of a value never visited; skip it when the counter wraps around.
        return stamp != 0 ? stamp : Interlocked.Increment(ref s_lastTraversal);
    }
}
