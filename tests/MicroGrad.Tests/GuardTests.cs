using System.Reflection;
using MicroGrad.Nn;

namespace MicroGrad.Tests;

/// <summary>
/// What callers see when they pass something wrong, and the small texts the engine shows: written out
/// here, so a changed message, parameter name or operation name is a failing test (mutation testing
/// found them unchecked).
/// </summary>
public class GuardTests
{
    private static readonly Value X = new(2.0, "x");

    [Fact]
    public void Operations_name_the_missing_operand()
    {
        Assert.Equal("left", Assert.Throws<ArgumentNullException>(() => Value.Add(null!, X)).ParamName);
        Assert.Equal("right", Assert.Throws<ArgumentNullException>(() => Value.Add(X, null!)).ParamName);
        Assert.Equal("left", Assert.Throws<ArgumentNullException>(() => Value.Subtract(null!, X)).ParamName);
        Assert.Equal("right", Assert.Throws<ArgumentNullException>(() => Value.Subtract(X, null!)).ParamName);
        Assert.Equal("left", Assert.Throws<ArgumentNullException>(() => Value.Multiply(null!, X)).ParamName);
        Assert.Equal("right", Assert.Throws<ArgumentNullException>(() => Value.Multiply(X, null!)).ParamName);
        Assert.Equal("left", Assert.Throws<ArgumentNullException>(() => Value.Divide(null!, X)).ParamName);
        Assert.Equal("right", Assert.Throws<ArgumentNullException>(() => Value.Divide(X, null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => Value.Negate(null!)).ParamName);
        Assert.Equal("exponent", Assert.Throws<ArgumentNullException>(() => X.Pow(null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => Value.Sum([X, null!])).ParamName);
    }

    [Fact]
    public void Operation_names_are_the_ones_drawings_show()
    {
        Assert.Equal(["**2", "**-1", "**3", "**0.5", "**1", "**2.5", "**-0.25"], new[] { 2, -1, 3, 0.5, 1, 2.5, -0.25 }.Select(n => X.Pow(n).Op));
        Assert.Equal("ReLU", new Value(double.NaN).Relu().Op);
        Assert.True(double.IsNaN(new Value(double.NaN).Relu().LocalDerivative(0)));
        Assert.Equal(["**", "neg", "exp", "log", "tanh", "sigmoid"], new[] { X.Pow(X), -X, X.Exp(), X.Log(), X.Tanh(), X.Sigmoid() }.Select(v => v.Op));
    }

    [Fact]
    public void Asking_for_an_input_that_is_not_there_says_how_many_there_are()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (X * X).LocalDerivative(2));

        Assert.Equal("index", error.ParamName);
        Assert.StartsWith("This value has 2 input(s).", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("This value has 0 input(s).", Assert.Throws<ArgumentOutOfRangeException>(() => X.LocalDerivative(0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_debugger_shows_label_data_grad_and_operation()
    {
        static string Shown(Value v) => (string)typeof(Value).GetProperty("DebuggerDisplay", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(v)!;

        Assert.Equal("x = 2 (grad 0)", Shown(X));
        Assert.Equal("const = 3 (grad 0)", Shown(Value.FromDouble(3)));
        Assert.Equal("_ = 4 (grad 0) [*]", Shown(X * X));
    }

    [Fact]
    public void Gradient_checks_reject_bad_points_steps_and_builders_with_clear_messages()
    {
        static Value Square(IReadOnlyList<Value> x) => x[0] * x[0];

        Assert.Equal("build", Assert.Throws<ArgumentNullException>(() => GradCheck.Run(null!, [1.0])).ParamName);
        Assert.Equal("point", Assert.Throws<ArgumentNullException>(() => GradCheck.Run(Square, null!)).ParamName);
        Assert.Equal("The point needs at least one coordinate. (Parameter 'point')", Assert.Throws<ArgumentException>(() => GradCheck.Run(Square, [])).Message);
        Assert.Equal("Coordinate 1 of the point is not a finite number. (Parameter 'point')", Assert.Throws<ArgumentException>(() => GradCheck.Run(Square, [1.0, double.NaN])).Message);
        foreach (double step in new[] { 0.0, -1e-6, double.PositiveInfinity, double.NaN })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => GradCheck.Run(Square, [1.0], step));
            Assert.Equal("step", error.ParamName);
            Assert.StartsWith("The step must be positive and finite.", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("The build function returned null instead of an output value.", Assert.Throws<InvalidOperationException>(() => GradCheck.Run(_ => null!, [1.0])).Message);
    }

    [Fact]
    public void Nn_names_what_is_wrong()
    {
        Assert.StartsWith("Unknown activation.", Assert.Throws<ArgumentOutOfRangeException>(() => new Neuron(1, new Random(1), (Activation)99)).Message, StringComparison.Ordinal);
        Assert.Equal("inputs", Assert.Throws<ArgumentNullException>(() => new Mlp(2, 1).Forward((double[])null!)).ParamName);
        Assert.Equal("A parameter is null. (Parameter 'parameters')", Assert.Throws<ArgumentException>(() => new Sgd([X, null!], 0.1)).Message);
        Assert.StartsWith("The learning rate must be a finite number.", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([X], double.NaN)).Message, StringComparison.Ordinal);
        Assert.Equal("Layer of [ReLUNeuron(1), ReLUNeuron(1)]", new Layer(1, 2, new Random(1)).ToString());
        Assert.Equal("LinearNeuron(2)", new Neuron(2, new Random(1), Activation.Linear).ToString());
    }

    [Fact]
    public void Tapes_reject_missing_outputs_and_graphs_with_clear_messages()
    {
        Assert.Equal("A tape needs at least one output to record. (Parameter 'outputs')", Assert.Throws<ArgumentException>(() => Tape.Record()).Message);
        Assert.Equal("An output is null. (Parameter 'outputs')", Assert.Throws<ArgumentException>(() => Tape.Record(X, null!)).Message);
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => Tape.Record(X).EnsureFits(null!)).ParamName);

        var y = new Value(3.0, "y");
        var leafForConstant = Assert.Throws<TapeMismatchException>(() => Tape.Record(X * 2.0).EnsureFits(X * y));
        var otherOperation = Assert.Throws<TapeMismatchException>(() => Tape.Record(X * y).EnsureFits(X + y));
        Assert.Equal("Value 1 of 3 is a leaf in this graph and a constant on the tape. Record a new tape for it.", leafForConstant.Message);
        Assert.Equal("Value 2 of 3 is '+' of values 0 and 1 in this graph and '*' of values 0 and 1 on the tape. Record a new tape for it.", otherOperation.Message);
        Assert.Equal("Tape(3 values, 1 instructions, 2 leaves)", Tape.Record(X * y).ToString());
    }
}
