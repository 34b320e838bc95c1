namespace MicroGrad.Tests;

public class TopologicalOrderTests
{
    [Fact]
    public void Inputs_come_before_users_and_the_root_comes_last()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = new Value(10.0, "c");
        var e = a * b;
        var d = e + c;
        var f = new Value(-2.0, "f");
        var l = d * f;

        var order = l.TopologicalOrder();

        Assert.Equal([a, b, e, c, d, f, l], order);
    }

    [Fact]
    public void Every_value_appears_once_even_when_reused()
    {
        var a = new Value(1.0, "a");
        var b = a * a;
        var c = b + a;
        var d = c * b;

        var order = d.TopologicalOrder();

        Assert.Equal([a, b, c, d], order);
    }

    [Fact]
    public void The_order_respects_every_edge_in_a_random_graph()
    {
        var random = new Random(7);
        var pool = new List<Value> { new(1.0, "x0"), new(2.0, "x1"), new(3.0, "x2") };
        for (int i = 0; i < 500; i++)
        {
            var left = pool[random.Next(pool.Count)];
            var right = pool[random.Next(pool.Count)];
            pool.Add(random.Next(3) switch { 0 => left + right, 1 => left * right, _ => left.Tanh() });
        }

        var order = pool[^1].TopologicalOrder();

        var position = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < order.Count; i++)
        {
            Assert.True(position.TryAdd(order[i], i), "a value appears twice");
        }

        Assert.Equal(order.Count - 1, position[pool[^1]]);
        foreach (var value in order)
        {
            foreach (var input in value.Inputs)
            {
                Assert.True(position[input] < position[value]);
            }
        }
    }

    [Fact]
    public void The_rented_order_names_each_input_by_its_place_and_leaves_traversals_working()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var e = a * b;
        var d = e + a; // a is used twice
        var l = d.Tanh();

        int count = l.RentTopologicalOrder(out var order, out var inputs);
        try
        {
            // By hand: the post-order a, b, e, d, l.
            Assert.Equal(5, count);
            Assert.Equal<Value>([a, b, e, d, l], order[..count]);
            Assert.Equal([-1, -1, -1, -1, 0, 1, 2, 0, 3, -1], inputs[..(2 * count)]);
        }
        finally
        {
            Value.ReturnTopologicalOrder(order, inputs);
        }

        // The positions lived in the traversal stamps for a moment; every later traversal still sees the whole graph.
        Assert.Equal(5, l.TopologicalOrder().Count);
        l.Backward();
        Assert.Equal(1 - (Math.Tanh(-4.0) * Math.Tanh(-4.0)), d.Grad, 12);
        Assert.Equal((-3.0 + 1.0) * d.Grad, a.Grad, 12);
    }

    [Fact]
    public void The_rented_order_matches_the_public_one_on_random_graphs_drawn_again_and_again()
    {
        var random = new Random(11);
        for (int round = 0; round < 30; round++)
        {
            var pool = new List<Value> { new(1.0, "x0"), new(2.0, "x1") };
            // Small graphs get plain arrays, big ones pooled arrays (again and again: reused, never stale).
            int size = round % 3 == 0 ? 5_000 + random.Next(3_000) : 40 + random.Next(200);
            for (int i = 0; i < size; i++)
            {
                var left = pool[random.Next(pool.Count)];
                var right = pool[random.Next(pool.Count)];
                pool.Add(random.Next(3) switch { 0 => left + right, 1 => left * right, _ => left.Exp() });
            }

            // Interleave traversals of a shared part: stamps must never leave a value looking visited.
            var other = pool[random.Next(pool.Count)];
            Assert.NotEmpty(other.TopologicalOrder());
            var expected = pool[^1].TopologicalOrder();
            int count = pool[^1].RentTopologicalOrder(out var order, out var inputs);
            Assert.Equal<Value>(expected, order[..count]);
            for (int i = 0; i < count; i++)
            {
                var value = expected[i];
                for (int k = 0; k < 2; k++)
                {
                    // The expected place by searching the public order, not by the stamps.
                    int want = k < value.Inputs.Count ? IndexOf(expected, value.Inputs[k]) : -1;
                    Assert.True(want == inputs[(2 * i) + k], $"round {round}, value {i}, input {k}: {inputs[(2 * i) + k]}, expected {want}");
                }
            }

            Value.ReturnTopologicalOrder(order, inputs);
            Assert.Equal(expected.Count, pool[^1].TopologicalOrder().Count);
        }

        static int IndexOf(IReadOnlyList<Value> order, Value value)
        {
            for (int i = 0; i < order.Count; i++)
            {
                if (ReferenceEquals(order[i], value))
                {
                    return i;
                }
            }

            return -2;
        }
    }

    [Fact]
    public void The_order_depends_only_on_the_graphs_shape()
    {
        static IEnumerable<string?> LabelsInOrder()
        {
            var values = new List<Value>();
            for (int i = 0; i < 20; i++)
            {
                values.Add(new Value(i, "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            var acc = values[0];
            for (int i = 1; i < values.Count; i++)
            {
                acc = (acc * values[i]) + values[(i * 7) % i];
                acc.Label = "acc" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return acc.TopologicalOrder().Select(v => v.Label);
        }

        // Same shape built twice, with garbage collections in between: identical order.
        var first = LabelsInOrder().ToList();
        GC.Collect();
        var second = LabelsInOrder().ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void After_a_traversal_nothing_keeps_the_graph_alive()
    {
        // The traversals reuse per-thread buffers; they must let go of the graph's values when done.
        var graph = TraverseAndForget();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(graph.IsAlive, "a traversal buffer still holds the graph");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference TraverseAndForget()
    {
        var x = new Value(1.0, "x");
        var y = x;
        for (int i = 0; i < 1000; i++)
        {
            y = (y * 1.001) + x;
        }

        y.Backward();
        _ = y.TopologicalOrder();
        _ = y.BackwardSteps();
        y.ZeroGradients(); // each traversal last in turn, across tests: here ZeroGradients
        return new WeakReference(y);
    }

    [Fact]
    public void Every_traversal_works_as_the_first_on_a_new_thread()
    {
        // The buffers are per thread and made on first use: each traversal must make them itself.
        foreach (var traverse in new Action<Value>[] { v => v.ZeroGradients(), v => v.Backward(), v => _ = v.TopologicalOrder(), v => _ = v.BackwardSteps() })
        {
            Exception? failure = null;
            var x = new Value(2.0, "x");
            var y = (x * x) + x;
            var thread = new Thread(() =>
            {
                try
                {
                    traverse(y);
                }
                catch (Exception error)
                {
                    failure = error;
                }
            });
            thread.Start();
            thread.Join();

            Assert.Null(failure);
        }
    }

    [Fact]
    public void A_leaf_alone_is_its_own_order()
    {
        var a = new Value(1.0);

        Assert.Equal([a], a.TopologicalOrder());
    }

    [Fact]
    public void A_million_deep_chain_sorts_without_recursion()
    {
        var y = new Value(0.0);
        for (int i = 0; i < 1_000_000; i++)
        {
            y = y.Tanh();
        }

        Assert.Equal(1_000_001, y.TopologicalOrder().Count);
    }
}
