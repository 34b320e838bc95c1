using CsCheck;
using MicroGrad.TestSupport;

namespace MicroGrad.Tests;

/// <summary>The operation table: what each operation is, written out by hand, and its calculus checked against central differences.</summary>
public sealed class OperationTests
{
    public static TheoryData<string, string, int, bool, bool> Table => new()
    {
        // operation, the name as drawn, arity, whether the operands are ordered, whether it chains
        { nameof(Operation.Add), "+", 2, false, true },
        { nameof(Operation.Subtract), "-", 2, true, false },
        { nameof(Operation.Multiply), "*", 2, false, true },
        { nameof(Operation.Divide), "/", 2, true, false },
        { nameof(Operation.Negate), "neg", 1, false, false },
        { nameof(Operation.Power), "**", 2, true, false },
        { nameof(Operation.Exp), "exp", 1, false, false },
        { nameof(Operation.Log), "log", 1, false, false },
        { nameof(Operation.Tanh), "tanh", 1, false, false },
        { nameof(Operation.Relu), "ReLU", 1, false, false },
        { nameof(Operation.Sigmoid), "sigmoid", 1, false, false },
    };

    private static Operation ByName(string name) => (Operation)typeof(Operation).GetProperty(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_operation_knows_its_name_arity_order_and_whether_it_chains(string operation, string name, int arity, bool ordered, bool chains)
    {
        var op = ByName(operation);

        Assert.Equal(name, op.Name);
        Assert.Equal(arity, op.Arity);
        Assert.Equal(ordered, op.IsOrdered);
        Assert.Equal(chains, op.Chains);
        Assert.Null(op.Exponent);
    }

    [Theory]
    [InlineData(2.0, "**2")]
    [InlineData(3.0, "**3")]
    [InlineData(-1.0, "**-1")]
    [InlineData(0.5, "**0.5")]
    [InlineData(0.1, "**0.1")]
    [InlineData(1e-7, "**1E-07")]
    [InlineData(-2.5, "**-2.5")]
    public void A_power_of_a_constant_is_named_with_its_exponent_in_round_trip_form(double exponent, string name)
    {
        var op = Operation.PowerOf(exponent);

        Assert.Equal(name, op.Name);
        Assert.Equal(exponent, op.Exponent);
        Assert.Equal(1, op.Arity);
        Assert.False(op.Chains);
    }

    [Fact]
    public void Values_carry_the_operation_that_made_them_and_leaves_none()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");

        Assert.Null(a.Operation);
        Assert.Same(Operation.Multiply, (a * b).Operation);
        Assert.Same(Operation.Subtract, (a - b).Operation);
        Assert.Same(Operation.Negate, (-a).Operation);
        Assert.Same(Operation.Power, a.Pow(b).Operation);
        Assert.Equal("**2", a.Pow(2).Op);
        Assert.Equal(string.Empty, a.Op);
    }

    [Theory]
    [InlineData(nameof(Operation.Add), 2.0, -3.0, -1.0, 1.0, 1.0)]
    [InlineData(nameof(Operation.Subtract), 2.0, -3.0, 5.0, 1.0, -1.0)]
    [InlineData(nameof(Operation.Multiply), 2.0, -3.0, -6.0, -3.0, 2.0)]
    [InlineData(nameof(Operation.Divide), 1.0, 4.0, 0.25, 0.25, -0.0625)]
    [InlineData(nameof(Operation.Negate), 2.0, 0.0, -2.0, -1.0, 0.0)]
    [InlineData(nameof(Operation.Power), 2.0, 3.0, 8.0, 12.0, 5.545177444479562)] // 8·ln 2
    [InlineData(nameof(Operation.Relu), -1.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData(nameof(Operation.Relu), 1.5, 0.0, 1.5, 1.0, 0.0)]
    [InlineData(nameof(Operation.Log), 1.0, 0.0, 0.0, 1.0, 0.0)]
    public void Results_and_local_derivatives_match_a_hand_computation(string operation, double a, double b, double result, double left, double right)
    {
        var op = ByName(operation);

        double computed = op.Apply(a, b);
        Assert.Equal(result, computed);
        Assert.Equal((left, right), op.LocalDerivatives(a, b, computed));
    }

    [Fact]
    public void Every_local_derivative_agrees_with_a_central_difference()
    {
        const double h = 1e-6;
        var operations = new[]
        {
            Operation.Add, Operation.Subtract, Operation.Multiply, Operation.Divide, Operation.Negate, Operation.Power,
            Operation.Exp, Operation.Log, Operation.Tanh, Operation.Relu, Operation.Sigmoid, Operation.PowerOf(3), Operation.PowerOf(0.5),
        };

        // Inputs kept in every operation's smooth domain: positive (log, powers), away from ReLU's kink at 0.
        Property.Check(
            Gen.Select(Gen.Int[0, operations.Length - 1], Gen.Double[0.2, 3.0], Gen.Double[0.2, 3.0]),
            (k, a, b) =>
            {
                var op = operations[k];
                var (left, right) = op.LocalDerivatives(a, b, op.Apply(a, b));
                double numericLeft = (op.Apply(a + h, b) - op.Apply(a - h, b)) / (2 * h);
                double numericRight = op.Arity == 2 ? (op.Apply(a, b + h) - op.Apply(a, b - h)) / (2 * h) : 0.0;
                Assert.True(Math.Abs(left - numericLeft) <= 1e-5 * Math.Max(1, Math.Abs(left)), $"{op} at ({a}, {b}): ∂/∂a {left}, numeric {numericLeft}");
                Assert.True(Math.Abs(right - numericRight) <= 1e-5 * Math.Max(1, Math.Abs(right)), $"{op} at ({a}, {b}): ∂/∂b {right}, numeric {numericRight}");
            },
            iter: 2000);
    }
}
