namespace MicroGrad.Tests;

/// <summary>NaN, infinities and domain errors follow IEEE 754 and never throw (see the remarks on <see cref="Value"/>).</summary>
public class DomainTests
{
    private static (Value Out, double Grad) Differentiate(double x, Func<Value, Value> f)
    {
        var input = new Value(x);
        var output = f(input);
        output.Backward();
        return (output, input.Grad);
    }

    [Fact]
    public void Log_of_a_negative_number_is_NaN_with_a_NaN_gradient()
    {
        var (output, grad) = Differentiate(-1.0, x => x.Log());

        Assert.True(double.IsNaN(output.Data));
        Assert.True(double.IsNaN(grad));
    }

    [Fact]
    public void Log_of_zero_is_minus_infinity_with_an_infinite_gradient()
    {
        var (output, grad) = Differentiate(0.0, x => x.Log());

        Assert.Equal(double.NegativeInfinity, output.Data);
        Assert.Equal(double.PositiveInfinity, grad);
    }

    [Fact]
    public void Zero_to_a_negative_power_is_infinite()
    {
        var (output, grad) = Differentiate(0.0, x => x.Pow(-1));

        Assert.Equal(double.PositiveInfinity, output.Data);
        Assert.Equal(double.NegativeInfinity, grad);
    }

    [Fact]
    public void A_negative_base_to_a_fractional_power_is_NaN()
    {
        var (output, grad) = Differentiate(-8.0, x => x.Pow(1.0 / 3.0));

        Assert.True(double.IsNaN(output.Data));
        Assert.True(double.IsNaN(grad));
    }

    [Fact]
    public void A_negative_base_to_an_integer_power_is_fine()
    {
        var (output, grad) = Differentiate(-2.0, x => x.Pow(3));

        Assert.Equal(-8.0, output.Data);
        Assert.Equal(12.0, grad);
    }

    [Fact]
    public void Power_zero_has_gradient_zero_even_at_zero()
    {
        var (output, grad) = Differentiate(0.0, x => x.Pow(0));

        Assert.Equal(1.0, output.Data);
        Assert.Equal(0.0, grad);
    }

    [Fact]
    public void Value_exponent_with_a_positive_base_differentiates_both_operands()
    {
        var a = new Value(2.0);
        var b = new Value(3.0);
        var c = a.Pow(b);

        c.Backward();

        Assert.Equal(8.0, c.Data);
        Assert.Equal(12.0, a.Grad);
        Assert.Equal(8.0 * Math.Log(2.0), b.Grad, 15);
    }

    [Fact]
    public void Value_exponent_with_a_zero_base_has_the_limit_gradient_zero()
    {
        var a = new Value(0.0);
        var b = new Value(2.0);

        a.Pow(b).Backward();

        Assert.Equal(0.0, a.Grad);
        Assert.Equal(0.0, b.Grad);
    }

    [Theory]
    [InlineData(-2.0, 2.0)]
    [InlineData(-2.0, 0.5)]
    [InlineData(0.0, -1.0)]
    [InlineData(0.0, 0.0)]
    public void Value_exponent_gradient_is_NaN_where_the_real_power_is_not_differentiable_in_it(double baseData, double exponentData)
    {
        var a = new Value(baseData);
        var b = new Value(exponentData);

        a.Pow(b).Backward();

        Assert.True(double.IsNaN(b.Grad));
    }

    [Fact]
    public void Division_by_zero_gives_infinities_not_exceptions()
    {
        var a = new Value(1.0);
        var b = new Value(0.0);
        var c = a / b;

        c.Backward();

        Assert.Equal(double.PositiveInfinity, c.Data);
        Assert.Equal(double.PositiveInfinity, a.Grad);
        Assert.Equal(double.NegativeInfinity, b.Grad);
    }

    [Fact]
    public void NaN_data_propagates_through_every_operation()
    {
        Func<Value, Value>[] operations =
        [
            x => x + 1, x => x - 1, x => x * 2, x => x / 2, x => -x, x => x.Pow(2), x => x.Exp(),
            x => x.Log(), x => x.Tanh(), x => x.Relu(), x => x.Sigmoid(), x => x.Pow(new Value(2.0)),
        ];

        Assert.All(operations, operation => Assert.True(double.IsNaN(Differentiate(double.NaN, operation).Out.Data)));
    }

    [Fact]
    public void NaN_reaches_the_gradient_wherever_the_derivative_depends_on_the_input()
    {
        // Linear operations have a constant derivative (x + 1 has slope 1 even at NaN); the rest do not.
        Func<Value, Value>[] operations =
        [
            x => x * x, x => 1 / x, x => x.Pow(2), x => x.Exp(), x => x.Log(), x => x.Tanh(), x => x.Relu(),
            x => x.Sigmoid(), x => x.Pow(new Value(2.0)), x => new Value(2.0).Pow(x),
        ];

        Assert.All(operations, operation => Assert.True(double.IsNaN(Differentiate(double.NaN, operation).Grad)));
        Assert.Equal(1.0, Differentiate(double.NaN, x => x + 1).Grad);
    }

    [Fact]
    public void Exp_overflows_to_infinity()
    {
        var (output, grad) = Differentiate(1000.0, x => x.Exp());

        Assert.Equal(double.PositiveInfinity, output.Data);
        Assert.Equal(double.PositiveInfinity, grad);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(double.NegativeInfinity, -1.0)]
    public void Tanh_saturates_at_infinities_with_zero_gradient(double x, double expected)
    {
        var (output, grad) = Differentiate(x, v => v.Tanh());

        Assert.Equal(expected, output.Data);
        Assert.Equal(0.0, grad);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(-1000.0, 0.0)]
    public void Sigmoid_saturates_without_NaN(double x, double expected)
    {
        var (output, grad) = Differentiate(x, v => v.Sigmoid());

        Assert.Equal(expected, output.Data);
        Assert.Equal(0.0, grad);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(-3.0, 0.0)]
    [InlineData(2.0, 1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    public void Relu_gradient_is_one_only_for_positive_inputs(double x, double expectedGrad)
    {
        var (output, grad) = Differentiate(x, v => v.Relu());

        Assert.Equal(Math.Max(0.0, x), output.Data);
        Assert.Equal(expectedGrad, grad);
    }
}
