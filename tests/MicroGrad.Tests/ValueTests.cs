using System.Globalization;

namespace MicroGrad.Tests;

public class ValueTests
{
    [Fact]
    public void A_new_value_is_a_labelled_leaf_with_zero_gradient()
    {
        var a = new Value(2.0, "a");

        Assert.Equal(2.0, a.Data);
        Assert.Equal(0.0, a.Grad);
        Assert.Equal("a", a.Label);
        Assert.Equal(string.Empty, a.Op);
        Assert.True(a.IsLeaf);
        Assert.False(a.IsConstant);
        Assert.Empty(a.Inputs);
    }

    [Fact]
    public void Data_grad_and_label_are_settable()
    {
        var a = new Value(1.0) { Data = 3.5, Grad = -2.0, Label = "renamed" };

        Assert.Equal(3.5, a.Data);
        Assert.Equal(-2.0, a.Grad);
        Assert.Equal("renamed", a.Label);
    }

    public static TheoryData<string, Func<Value, Value, Value>, double> BinaryOperators => new()
    {
        { "+", (a, b) => a + b, 5.0 },
        { "-", (a, b) => a - b, -1.0 },
        { "*", (a, b) => a * b, 6.0 },
        { "/", (a, b) => a / b, 2.0 / 3.0 },
        { "**", (a, b) => a.Pow(b), 8.0 },
    };

    [Theory]
    [MemberData(nameof(BinaryOperators))]
    public void Binary_operations_record_op_and_ordered_inputs(string op, Func<Value, Value, Value> apply, double expected)
    {
        var a = new Value(2.0, "a");
        var b = new Value(3.0, "b");

        var c = apply(a, b);

        Assert.Equal(op, c.Op);
        Assert.Equal(expected, c.Data, 15);
        Assert.Equal(2, c.Inputs.Count);
        Assert.Same(a, c.Inputs[0]);
        Assert.Same(b, c.Inputs[1]);
        Assert.False(c.IsLeaf);
        Assert.Null(c.Label);
    }

    public static TheoryData<string, Func<Value, Value>, double> UnaryOperations => new()
    {
        { "neg", a => -a, -0.5 },
        { "**2", a => a.Pow(2), 0.25 },
        { "**-1", a => a.Pow(-1), 2.0 },
        { "**1.5", a => a.Pow(1.5), Math.Pow(0.5, 1.5) },
        { "exp", a => a.Exp(), Math.Exp(0.5) },
        { "log", a => a.Log(), Math.Log(0.5) },
        { "tanh", a => a.Tanh(), Math.Tanh(0.5) },
        { "ReLU", a => a.Relu(), 0.5 },
        { "sigmoid", a => a.Sigmoid(), 1.0 / (1.0 + Math.Exp(-0.5)) },
    };

    [Theory]
    [MemberData(nameof(UnaryOperations))]
    public void Unary_operations_record_op_and_single_input(string op, Func<Value, Value> apply, double expected)
    {
        var a = new Value(0.5, "a");

        var c = apply(a);

        Assert.Equal(op, c.Op);
        Assert.Equal(expected, c.Data, 15);
        Assert.Same(a, Assert.Single(c.Inputs));
    }

    [Fact]
    public void A_value_used_twice_by_one_operation_appears_twice_in_its_inputs()
    {
        var a = new Value(3.0, "a");

        var square = a * a;

        Assert.Equal([a, a], square.Inputs);
    }

    [Fact]
    public void Double_operands_become_constant_leaves_on_either_side()
    {
        var a = new Value(3.0, "a");

        var right = a * 2.0;
        var left = 2.0 - a;

        Assert.Equal(6.0, right.Data);
        Assert.Equal(-1.0, left.Data);
        Assert.Same(a, right.Inputs[0]);
        Assert.True(right.Inputs[1].IsConstant);
        Assert.Equal(2.0, right.Inputs[1].Data);
        Assert.True(left.Inputs[0].IsConstant);
        Assert.Same(a, left.Inputs[1]);
        Assert.False(a.IsConstant);
    }

    [Fact]
    public void Implicit_conversion_and_FromDouble_make_constants()
    {
        Value implicitly = 4.0;
        var named = Value.FromDouble(4.0);

        Assert.True(implicitly.IsConstant);
        Assert.True(named.IsConstant);
        Assert.True(named.IsLeaf);
        Assert.Equal(4.0, implicitly.Data);
    }

    [Fact]
    public void Named_operator_alternatives_match_the_operators()
    {
        var a = new Value(6.0);
        var b = new Value(4.0);

        Assert.Equal((a + b).Data, Value.Add(a, b).Data);
        Assert.Equal((a - b).Data, Value.Subtract(a, b).Data);
        Assert.Equal((a * b).Data, Value.Multiply(a, b).Data);
        Assert.Equal((a / b).Data, Value.Divide(a, b).Data);
        Assert.Equal((-a).Data, Value.Negate(a).Data);
    }

    [Fact]
    public void Null_operands_are_rejected_with_ArgumentNullException()
    {
        var a = new Value(1.0);

        Assert.Throws<ArgumentNullException>(() => a + null!);
        Assert.Throws<ArgumentNullException>(() => Value.Multiply(null!, a));
        Assert.Throws<ArgumentNullException>(() => a.Pow(null!));
        Assert.Throws<ArgumentNullException>(() => Value.Sum(null!));
        Assert.Throws<ArgumentNullException>(() => Value.Sum([a, null!]));
    }

    [Fact]
    public void Sum_adds_left_to_right_and_handles_one_and_none()
    {
        var a = new Value(1.0, "a");
        var b = new Value(2.0, "b");
        var c = new Value(3.0, "c");

        var sum = Value.Sum([a, b, c]);
        var single = Value.Sum([a]);
        var empty = Value.Sum([]);

        Assert.Equal(6.0, sum.Data);
        Assert.Equal("+", sum.Op);
        Assert.Same(c, sum.Inputs[1]);
        Assert.Equal([a, b], sum.Inputs[0].Inputs);
        Assert.Same(a, single);
        Assert.Equal(0.0, empty.Data);
        Assert.True(empty.IsConstant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("tr-TR")]
    public void ToString_is_invariant_in_every_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var d = new Value(4.0) { Grad = -1.5 };
            var big = new Value(-1234567.25) { Grad = double.NaN };

            Assert.Equal("Value(data=4, grad=-1.5)", d.ToString());
            Assert.Equal("Value(data=-1234567.25, grad=NaN)", big.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Inputs_enumerate_without_allocating_and_reject_bad_indexes()
    {
        var a = new Value(1.0);
        var b = new Value(2.0);
        var c = a + b;

        var seen = new List<Value>();
        foreach (var input in c.Inputs)
        {
            seen.Add(input);
        }

        Assert.Equal([a, b], seen);
        Assert.Throws<ArgumentOutOfRangeException>(() => c.Inputs[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Inputs[0]);
        Assert.True(c.Inputs == (a + b).Inputs);
        Assert.False(c.Inputs == (b + a).Inputs);
    }
}
