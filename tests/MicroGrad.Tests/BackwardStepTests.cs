using CsCheck;
using MicroGrad.TestSupport;
using MicroGrad.Tests.TestSupport;

namespace MicroGrad.Tests;

/// <summary>The recorded local derivatives and the backward pass as steps, against numbers worked out by hand and against Backward itself.</summary>
public class BackwardStepTests
{
    [Fact]
    public void Local_derivatives_are_the_ones_the_chain_rule_uses()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var n = new Value(0.8813735870195432, "n");

        var product = a * b;
        var sum = a + b;
        var difference = a - b;
        var quotient = a / b;
        var tanh = n.Tanh();

        Assert.Equal((-3.0, 2.0), (product.LocalDerivative(0), product.LocalDerivative(1))); // ∂(ab)/∂a = b, ∂(ab)/∂b = a
        Assert.Equal((1.0, 1.0), (sum.LocalDerivative(0), sum.LocalDerivative(1)));
        Assert.Equal((1.0, -1.0), (difference.LocalDerivative(0), difference.LocalDerivative(1)));
        Assert.Equal(-1.0 / 3.0, quotient.LocalDerivative(0), 15);                           // 1/b
        Assert.Equal(-2.0 / 9.0, quotient.LocalDerivative(1), 15);                           // -a/b²
        Assert.Equal(0.5, tanh.LocalDerivative(0), 12);                                      // 1 - tanh(n)² = 1 - 0.5
        Assert.Throws<ArgumentOutOfRangeException>(() => tanh.LocalDerivative(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.LocalDerivative(0));
    }

    [Fact]
    public void The_seed_steps_are_the_notebooks_backward_pass_in_order()
    {
        var (a, _, _, _, _, _, L) = BackwardTests.SeedGraph();

        var steps = L.BackwardSteps();

        // By hand: L = d*f sends f = -2 to d and d = 4 to f; d = e + c passes -2 to both; e = a*b sends b*-2 = 6 to a and a*-2 = -4 to b.
        Assert.Equal(
            [("L", "d", 1.0, -2.0, -2.0), ("L", "f", 1.0, 4.0, 4.0), ("d", "e", -2.0, 1.0, -2.0), ("d", "c", -2.0, 1.0, -2.0), ("e", "a", -2.0, -3.0, 6.0), ("e", "b", -2.0, 2.0, -4.0)],
            steps.Select(s => (s.Output.Label!, s.Input.Label!, s.OutputGrad, s.LocalDerivative, s.GradAfter)));
        Assert.All(steps, s => Assert.Equal(0.0, s.GradBefore));
        Assert.All(steps, s => Assert.Equal(s.GradAfter, s.Contribution));
        Assert.Equal(0.0, a.Grad); // nothing was changed
    }

    [Fact]
    public void A_value_used_twice_receives_two_accumulating_steps()
    {
        var a = new Value(3.0, "a");
        var square = a * a;

        var steps = square.BackwardSteps();

        Assert.Equal([(0, 0.0, 3.0, 3.0), (1, 3.0, 3.0, 6.0)], steps.Select(s => (s.InputIndex, s.GradBefore, s.Contribution, s.GradAfter)));
        Assert.All(steps, s => Assert.Same(a, s.Input));
    }

    [Fact]
    public void The_last_step_of_every_value_is_what_backward_gives_it_to_the_bit()
    {
        // Random DAGs over every operation, with shared subexpressions, reuse and long sums.
        var programs = RandomPrograms.Of(RandomPrograms.AllOperations, maxLength: 40);
        var starts = Gen.Double[-2.0, 2.0].Array[3];

        Property.Check(Gen.Select(programs, starts), (program, start) =>
        {
            var values = RandomPrograms.Run([new(start[0], "x0"), new(start[1], "x1"), new(start[2], "x2")], program);
            var root = values[^1];
            var steps = root.BackwardSteps();
            root.ZeroGradients();
            root.Backward();

            var last = new Dictionary<Value, double>(ReferenceEqualityComparer.Instance) { [root] = 1.0 };
            foreach (var step in steps)
            {
                last[step.Input] = step.GradAfter;
            }

            return root.TopologicalOrder().All(v => BitConverter.DoubleToInt64Bits(v.Grad) == BitConverter.DoubleToInt64Bits(last[v]));
        });
    }
}
