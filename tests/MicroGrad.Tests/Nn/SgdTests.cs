using MicroGrad.Nn;

namespace MicroGrad.Tests.Nn;

public class SgdTests
{
    [Fact]
    public void Step_moves_each_parameter_against_its_gradient()
    {
        var a = new Value(1.0) { Grad = 2.0 };
        var b = new Value(-1.0) { Grad = -0.5 };
        var sgd = new Sgd([a, b], 0.1);

        sgd.Step();

        Assert.Equal(0.8, a.Data, 15);
        Assert.Equal(-0.95, b.Data, 15);
    }

    [Fact]
    public void The_learning_rate_can_follow_a_schedule()
    {
        var a = new Value(0.0) { Grad = 1.0 };
        var sgd = new Sgd([a], 1.0);

        sgd.Step();
        sgd.LearningRate = 0.5;
        sgd.Step();

        Assert.Equal(-1.5, a.Data);
    }

    [Fact]
    public void ZeroGrad_clears_the_gradients()
    {
        var a = new Value(0.0) { Grad = 1.0 };
        var sgd = new Sgd([a], 1.0);

        sgd.ZeroGrad();

        Assert.Equal(0.0, a.Grad);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([new Value(0.0)], double.NaN));
        Assert.Throws<ArgumentException>(() => new Sgd([null!], 0.1));
        Assert.Throws<ArgumentNullException>(() => new Sgd((Module)null!, 0.1));
    }

    [Fact]
    public void Training_a_neuron_reduces_its_loss()
    {
        var neuron = new Neuron(2, new Random(3), Activation.Tanh);
        var sgd = new Sgd(neuron, 0.1);
        double[][] xs = [[1, 2], [-1, 0.5], [2, -1], [0.5, 0.5]];
        double[] ys = [1, -1, 1, -1];

        double Loss()
        {
            var loss = Value.Sum(xs.Select((x, i) => (neuron.Forward([new Value(x[0]), new Value(x[1])]) - ys[i]).Pow(2)));
            neuron.ZeroGrad();
            loss.Backward();
            return loss.Data;
        }

        double first = Loss();
        for (int i = 0; i < 50; i++)
        {
            sgd.Step();
            Loss();
        }

        Assert.True(Loss() < first / 2);
    }
}
