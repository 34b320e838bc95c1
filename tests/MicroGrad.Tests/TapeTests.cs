using CsCheck;
using MicroGrad.Nn;
using MicroGrad.TestSupport;
using MicroGrad.Tests.Nn;
using MicroGrad.Tests.TestSupport;

namespace MicroGrad.Tests;

/// <summary>
/// A tape replays a recorded graph. The oracle is the eager engine: building the same graph again from
/// the same leaves and calling Backward must give the same numbers, to the bit.
/// </summary>
public class TapeTests
{
    // Every number to the bit; a NaN only as NaN: which of two NaN operands an addition passes on (its sign
    // bit, its payload) is the processor's choice, not a number (seen at the domain edges below).
    private static long Bits(double x) => double.IsNaN(x) ? long.MinValue : BitConverter.DoubleToInt64Bits(x);

    [Fact]
    public void The_seed_graph_replays_with_new_leaf_values()
    {
        var (a, b, c, _, _, f, L) = BackwardTests.SeedGraph();
        var tape = Tape.Record(L);

        // By hand: a=3, b=-3, c=10, f=-2 gives e = -9, d = 1, L = -2; dL/da = f*b = 6, dL/db = f*a = -6,
        // dL/dc = f = -2, dL/df = d = 1.
        a.Data = 3;
        tape.Forward();
        foreach (var leaf in new[] { a, b, c, f })
        {
            leaf.Grad = 0;
        }

        tape.Backward();

        Assert.Equal(-2.0, L.Data);
        Assert.Equal([6.0, -6.0, -2.0, 1.0], new[] { a.Grad, b.Grad, c.Grad, f.Grad });
        Assert.Equal(7, tape.ValueCount); // 4 leaves and 3 operations
        Assert.Same(a, tape.Leaves[0]);
    }

    [Fact]
    public void Backward_adds_into_leaf_gradients_as_the_engine_does()
    {
        var x = new Value(2.0, "x");
        var y = x * x;
        var tape = Tape.Record(y);

        tape.Backward();
        tape.Backward();

        Assert.Equal(8.0, x.Grad); // 4 + 4: leaves accumulate until zeroed, as with Backward()
        Assert.Equal(1.0, y.Grad);
    }

    [Fact]
    public void A_neurons_sum_and_relu_become_one_instruction()
    {
        var neuron = new Neuron(3, new Random(1));
        var inputs = new[] { new Value(1.0, "x0"), new Value(-2.0, "x1"), new Value(0.5, "x2") };
        var output = neuron.Forward(inputs);
        var tape = Tape.Record(output);

        // b + w0*x0 + w1*x1 + w2*x2, then ReLU: 3 products, 3 sums and a ReLU in one instruction.
        Assert.Equal(1, tape.InstructionCount);
        Assert.Equal(14, tape.ValueCount); // 7 leaves (b, then each w and x), 3 products, 3 sums, the ReLU
        Assert.Equal("%8 = ReLU(%1 + %2*%3 + %4*%5 + %6*%7)", tape.ToListing().Split('\n')[7]);
    }

    [Fact]
    public void The_listing_names_leaves_and_shows_each_instruction()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = (a * b).Tanh() - (a / 4.0);
        c.Label = "c";

        string listing = Tape.Record(c).ToListing();

        // Written by hand from the topological order: a, b, a*b, tanh, 4, a/4, c.
        Assert.Equal(
            "%1 = leaf 2  ; a\n%2 = leaf -3  ; b\n%3 = constant 4\n%4 = %1 * %2\n%5 = tanh(%4)\n%6 = %1 / %3\n%7 = %5 - %6  ; c\n",
            listing);
    }

    [Fact]
    public void A_graph_of_another_shape_is_reported_where_it_differs()
    {
        var x = new Value(0.5, "x");
        var tape = Tape.Record((x * 2.0).Relu());

        tape.EnsureFits((x * 3.0).Relu()); // other numbers, same shape
        var other = Assert.Throws<TapeMismatchException>(() => tape.EnsureFits((x * 2.0).Tanh()));
        var longer = Assert.Throws<TapeMismatchException>(() => tape.EnsureFits((x * 2.0).Relu() + 1.0));

        Assert.Equal("Value 3 of 4 is 'tanh' of value 2 in this graph and 'ReLU' of value 2 on the tape. Record a new tape for it.", other.Message);
        Assert.Equal("The graph has 6 values; the tape was recorded from a graph of 4. Record a new tape for it.", longer.Message);
        Assert.Throws<ArgumentException>(() => Tape.Record());
        Assert.Throws<ArgumentNullException>(() => Tape.Record(null!));
    }

    [Fact]
    public void Write_back_makes_the_graph_read_as_if_built_again()
    {
        var neuron = new Neuron(2, new Random(3), Activation.Tanh);
        var inputs = new[] { new Value(1.0, "x0"), new Value(-2.0, "x1") };
        var output = neuron.Forward(inputs);
        var tape = Tape.Record(output);
        inputs[0].Data = 0.25;

        tape.Forward();
        tape.Backward();
        tape.WriteBack();
        var eager = neuron.Forward(inputs);
        foreach (var parameter in neuron.Parameters().Concat(inputs))
        {
            parameter.Grad = 0;
        }

        eager.Backward();

        AssertSameNumbers(eager, output);
    }

    [Fact]
    public void Replays_equal_the_engine_to_the_bit_on_random_graphs_using_every_operation()
    {
        // Programs over every operation, with running sums of products (what the tape fuses), an
        // activation right after a sum, shared values (what stops fusion) and a second output.
        var programs = RandomPrograms.Of(RandomPrograms.AllOperations, maxLength: 30);
        var rounds = Gen.Double[-2.0, 2.0].Array[4].Array[3];

        Property.Check(Gen.Select(programs, rounds), (program, data) =>
        {
            var leaves = Enumerable.Range(0, 4).Select(i => new Value(data[0][i], "x" + i)).ToArray();
            (Value Root, Value Extra) Build()
            {
                var values = RandomPrograms.Run(leaves, program);
                return (values[^1], values[values.Count / 2]);
            }

            var (root, extra) = Build();
            var tape = Tape.Record(root, extra);
            foreach (var round in data)
            {
                for (int i = 0; i < leaves.Length; i++)
                {
                    leaves[i].Data = round[i];
                }

                // The engine: build again from the same leaves, backward from zero.
                var (eager, eagerExtra) = Build();
                Array.ForEach(leaves, l => l.Grad = 0);
                eager.Backward();
                var expected = leaves.Select(l => Bits(l.Grad)).ToList();

                Array.ForEach(leaves, l => l.Grad = 0);
                tape.Forward();
                tape.Backward();

                Assert.Equal(Bits(eager.Data), Bits(root.Data));
                Assert.Equal(Bits(eagerExtra.Data), Bits(extra.Data));
                Assert.Equal(expected, leaves.Select(l => Bits(l.Grad)));
                tape.WriteBack();
                AssertSameNumbers(eager, root);
            }
        });
    }

    [Fact]
    public void The_moons_demo_through_a_tape_follows_the_engines_100_steps_to_the_last_bit()
    {
        var (points, labels) = MlpTests.LoadMoons();
        var eagerModel = new Mlp(2, 16, 16, 1);
        eagerModel.LoadParameters(MlpTests.LoadInitialWeights());
        var eagerSgd = new Sgd(eagerModel, 1.0);
        var eagerLosses = new List<double>();
        for (int step = 0; step < 100; step++)
        {
            var (total, _) = MlpTests.Loss(eagerModel, points, labels);
            eagerModel.ZeroGrad();
            total.Backward();
            eagerSgd.LearningRate = 1.0 - (0.9 * step / 100);
            eagerSgd.Step();
            eagerLosses.Add(total.Data);
        }

        var model = new Mlp(2, 16, 16, 1);
        model.LoadParameters(MlpTests.LoadInitialWeights());
        var sgd = new Sgd(model, 1.0);
        var (loss, _) = MlpTests.Loss(model, points, labels);
        var tape = Tape.Record(loss);
        var losses = new List<double>();
        for (int step = 0; step < 100; step++)
        {
            tape.Forward();
            sgd.ZeroGrad();
            tape.Backward();
            sgd.LearningRate = 1.0 - (0.9 * step / 100);
            sgd.Step();
            losses.Add(loss.Data);
        }

        Assert.Equal(0.8958441028683222, losses[0]); // micrograd's demo.ipynb, step 0
        Assert.Equal(eagerLosses.Select(Bits), losses.Select(Bits));
        Assert.Equal(eagerModel.Parameters().Select(p => Bits(p.Data)), model.Parameters().Select(p => Bits(p.Data)));
        Assert.Equal(eagerModel.Parameters().Select(p => Bits(p.Grad)), model.Parameters().Select(p => Bits(p.Grad)));
        Assert.InRange(tape.InstructionCount, 3000, 4000); // 65,814 values: one instruction per neuron and per point's loss
    }

    [Fact]
    public void Replays_at_the_edges_of_every_domain_equal_the_engine()
    {
        // NaN into a fused ReLU and a lone one, the log at 0 and below it, powers of 0 and of a negative base.
        var (a, b, c) = (new Value(1.0, "a"), new Value(1.0, "b"), new Value(1.0, "c"));
        Value Build() => (((a * 2.0) + b).Relu() + a.Relu() + a.Log() + b.Pow(c) + c.Pow(b)).Tanh();
        var root = Build();
        var tape = Tape.Record(root);
        foreach (var (x, y, z) in new[] { (double.NaN, 1.0, 2.0), (0.0, 0.0, 2.0), (-1.0, 0.0, 0.0), (2.0, -1.0, 3.0), (0.5, -2.0, 0.5), (3.0, 0.0, -1.0) })
        {
            (a.Data, b.Data, c.Data) = (x, y, z);
            var eager = Build();
            (a.Grad, b.Grad, c.Grad) = (0, 0, 0);
            eager.Backward();
            var expected = new[] { a.Grad, b.Grad, c.Grad }.Select(Bits).ToList();

            (a.Grad, b.Grad, c.Grad) = (0, 0, 0);
            tape.Forward();
            tape.Backward();
            tape.WriteBack();

            Assert.Equal(expected, new[] { a.Grad, b.Grad, c.Grad }.Select(Bits));
            AssertSameNumbers(eager, root);
        }
    }

    [Fact]
    public void Write_back_after_a_forward_alone_leaves_every_computed_gradient_at_zero()
    {
        var x = new Value(0.5, "x");
        var y = ((x * 3.0) + 1.0).Relu() * x;
        var tape = Tape.Record(y);
        tape.Forward();
        tape.Backward(); // the gradients a backward pass leaves…
        tape.Forward(); // …belong to the data before this forward

        tape.WriteBack();

        Assert.All(y.TopologicalOrder().Where(v => !v.IsLeaf), v => Assert.Equal(0.0, v.Grad));
    }

    [Fact]
    public void The_listing_shows_every_operation()
    {
        var (a, b) = (new Value(2.0, "a"), new Value(3.0, "b"));
        var each = new[] { a - b, a * b, a / b, -a, a.Pow(2), a.Pow(b), a.Exp(), a.Log(), a.Tanh(), a.Relu(), a.Sigmoid(), ((a * b) + b).Tanh() };
        var tape = Tape.Record(each.Aggregate((x, y) => x * y));

        string listing = tape.ToListing();

        foreach (string pattern in new[] { @"= %\d+ - %\d+
", @"= %\d+ \* %\d+
", @"= %\d+ / %\d+
", @"= -%\d+
", @"= %\d+ \*\* 2
", @"= %\d+ \*\* %\d+
", @"= exp\(%\d+\)
", @"= log\(%\d+\)
", @"= tanh\(%\d+\)
", @"= ReLU\(%\d+\)
", @"= sigmoid\(%\d+\)
", @"= tanh\(%\d+\*%\d+ \+ %\d+\)
", @"%1 = leaf 2  ; a
" })
        {
            Assert.Matches(pattern, listing);
        }
    }

    /// <summary>The two graphs, value by value in topological order: the same data, gradient and local derivatives, to the bit.</summary>
    private static void AssertSameNumbers(Value expected, Value actual)
    {
        var want = expected.TopologicalOrder();
        var got = actual.TopologicalOrder();
        Assert.Equal(want.Count, got.Count);
        for (int i = 0; i < want.Count; i++)
        {
            Assert.Equal(want[i].Op, got[i].Op);
            Assert.True(Bits(want[i].Data) == Bits(got[i].Data), $"value {i} ({want[i].Op}): data {want[i].Data:R} from the engine, {got[i].Data:R} written back");
            Assert.True(Bits(want[i].Grad) == Bits(got[i].Grad), $"value {i} ({want[i].Op}): grad {want[i].Grad:R} from the engine, {got[i].Grad:R} written back");
            for (int k = 0; k < want[i].Inputs.Count; k++)
            {
                Assert.Equal(Bits(want[i].LocalDerivative(k)), Bits(got[i].LocalDerivative(k)));
            }
        }
    }
}
