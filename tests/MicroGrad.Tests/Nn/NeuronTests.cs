using MicroGrad.Nn;

namespace MicroGrad.Tests.Nn;

public class NeuronTests
{
    [Fact]
    public void Weights_are_uniform_in_minus_one_to_one_and_the_bias_starts_at_zero()
    {
        var neuron = new Neuron(1000, new Random(1));

        Assert.All(neuron.Weights, w => Assert.InRange(w.Data, -1.0, 1.0));
        Assert.Contains(neuron.Weights, w => w.Data < -0.5);
        Assert.Contains(neuron.Weights, w => w.Data > 0.5);
        Assert.Equal(0.0, neuron.Bias.Data);
        Assert.Equal(["w0", "w1"], neuron.Weights.Take(2).Select(w => w.Label));
        Assert.Equal("b", neuron.Bias.Label);
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights()
    {
        var first = new Neuron(5, new Random(42));
        var second = new Neuron(5, new Random(42));

        Assert.Equal(first.Weights.Select(w => w.Data), second.Weights.Select(w => w.Data));
    }

    [Fact]
    public void Forward_sums_bias_first_then_weighted_inputs_in_order()
    {
        var neuron = new Neuron(2, new Random(0), Activation.Linear);
        neuron.LoadParameters([-3.0, 1.0, 6.8813735870195432]);
        var x = new[] { new Value(2.0, "x1"), new Value(0.0, "x2") };

        var n = neuron.Forward(x);

        // ((b + w0·x0) + w1·x1)
        Assert.Equal("+", n.Op);
        Assert.Equal("*", n.Inputs[1].Op);
        Assert.Same(x[1], n.Inputs[1].Inputs[1]);
        var inner = n.Inputs[0];
        Assert.Same(neuron.Bias, inner.Inputs[0]);
        Assert.Same(neuron.Weights[0], inner.Inputs[1].Inputs[0]);
        Assert.Same(x[0], inner.Inputs[1].Inputs[1]);
        Assert.Equal(0.8813735870195432, n.Data, 15);
    }

    [Theory]
    [InlineData(Activation.Linear, "+")]
    [InlineData(Activation.Relu, "ReLU")]
    [InlineData(Activation.Tanh, "tanh")]
    public void The_activation_is_the_last_operation(Activation activation, string op)
    {
        var neuron = new Neuron(3, new Random(0), activation);

        var output = neuron.Forward([new Value(1.0), new Value(2.0), new Value(3.0)]);

        Assert.Equal(op, output.Op);
        Assert.Equal(activation, neuron.Activation);
    }

    [Fact]
    public void The_lecture_neuron_backpropagates_to_its_parameters()
    {
        var neuron = new Neuron(2, new Random(0), Activation.Tanh);
        neuron.LoadParameters([-3.0, 1.0, 6.8813735870195432]);
        var x = new[] { new Value(2.0, "x1"), new Value(0.0, "x2") };

        var o = neuron.Forward(x);
        o.Backward();

        Assert.Equal(0.7071067811865476, o.Data, 15);
        Assert.Equal(1.0, neuron.Weights[0].Grad, 12);
        Assert.Equal(0.0, neuron.Weights[1].Grad, 12);
        Assert.Equal(0.5, neuron.Bias.Grad, 12);
        Assert.Equal(-1.5, x[0].Grad, 12);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Neuron(0, new Random(0)));
        Assert.Throws<ArgumentNullException>(() => new Neuron(2, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Neuron(2, new Random(0), (Activation)42));
        var neuron = new Neuron(2, new Random(0));
        var error = Assert.Throws<ArgumentException>(() => neuron.Forward([new Value(1.0)]));
        Assert.Contains("Expected 2 inputs, got 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_names_the_activation_and_fan_in()
    {
        Assert.Equal("ReLUNeuron(2)", new Neuron(2, new Random(0)).ToString());
        Assert.Equal("LinearNeuron(3)", new Neuron(3, new Random(0), Activation.Linear).ToString());
    }
}
