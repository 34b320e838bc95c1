using MicroGrad.Nn;

namespace MicroGrad.Tests.Nn;

public class ModuleTests
{
    [Fact]
    public void Parameters_follow_micrographs_order_weights_then_bias_per_neuron()
    {
        var layer = new Layer(2, 3, new Random(0));

        var parameters = layer.Parameters();

        Assert.Equal(9, parameters.Count);
        for (int n = 0; n < 3; n++)
        {
            Assert.Same(layer.Neurons[n].Weights[0], parameters[3 * n]);
            Assert.Same(layer.Neurons[n].Weights[1], parameters[(3 * n) + 1]);
            Assert.Same(layer.Neurons[n].Bias, parameters[(3 * n) + 2]);
        }
    }

    [Fact]
    public void LoadParameters_sets_data_in_parameter_order()
    {
        var mlp = new Mlp(2, 2, 1);
        double[] numbers = [.. Enumerable.Range(1, 9).Select(i => i / 10.0)];

        mlp.LoadParameters(numbers);

        Assert.Equal(numbers, mlp.Parameters().Select(p => p.Data));
        Assert.Equal(0.7, mlp.Layers[1].Neurons[0].Weights[0].Data);
        Assert.Equal(0.9, mlp.Layers[1].Neurons[0].Bias.Data);
    }

    [Fact]
    public void LoadParameters_rejects_a_wrong_count()
    {
        var mlp = new Mlp(2, 2, 1);

        var error = Assert.Throws<ArgumentException>(() => mlp.LoadParameters([1.0, 2.0]));

        Assert.Contains("Expected 9 parameter values for this Mlp, got 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroGrad_clears_every_parameter()
    {
        var mlp = new Mlp(2, 4, 1);
        mlp.Forward(1.0, -1.0)[0].Backward();
        Assert.Contains(mlp.Parameters(), p => p.Grad != 0);

        mlp.ZeroGrad();

        Assert.All(mlp.Parameters(), p => Assert.Equal(0.0, p.Grad));
    }
}
