using System.Globalization;
using System.Text.Json;
using MicroGrad.Nn;

namespace MicroGrad.Tests.Nn;

public class MlpTests
{
    [Fact]
    public void Hidden_layers_use_relu_and_the_last_layer_is_linear()
    {
        var mlp = new Mlp(2, 16, 16, 1);

        Assert.Equal(3, mlp.Layers.Count);
        Assert.All(mlp.Layers[0].Neurons, n => Assert.Equal(Activation.Relu, n.Activation));
        Assert.All(mlp.Layers[1].Neurons, n => Assert.Equal(Activation.Relu, n.Activation));
        Assert.Equal(Activation.Linear, Assert.Single(mlp.Layers[2].Neurons).Activation);
        Assert.Equal(337, mlp.Parameters().Count);
        Assert.Equal(2, mlp.InputCount);
    }

    [Fact]
    public void The_default_initialisation_is_seeded_and_repeatable()
    {
        var first = new Mlp(2, 4, 1).Parameters().Select(p => p.Data);
        var seeded = new Mlp(new Random(Mlp.DefaultSeed), 2, 4, 1).Parameters().Select(p => p.Data);
        var other = new Mlp(new Random(1), 2, 4, 1).Parameters().Select(p => p.Data);

        Assert.Equal(first, seeded);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Forward_on_numbers_wraps_them_in_labelled_leaves()
    {
        var mlp = new Mlp(2, 3, 1);

        var output = Assert.Single(mlp.Forward(0.5, -0.5));
        var leaves = output.TopologicalOrder().Where(v => v.Label is "x0" or "x1").ToList();

        Assert.Equal(2, leaves.Count);
        Assert.All(leaves, leaf => Assert.False(leaf.IsConstant));
    }

    [Fact]
    public void Parameters_are_labelled_with_the_path_of_the_neuron_that_owns_them()
    {
        var mlp = new Mlp(2, 2, 1);

        Assert.Equal(
            ["layer0.neuron0.w0", "layer0.neuron0.w1", "layer0.neuron0.b", "layer0.neuron1.w0", "layer0.neuron1.w1", "layer0.neuron1.b", "layer1.neuron0.w0", "layer1.neuron0.w1", "layer1.neuron0.b"],
            mlp.Parameters().Select(p => p.Label));
    }

    [Fact]
    public void A_parameters_label_starts_with_the_scope_its_neuron_computes_in()
    {
        var mlp = new Mlp(2, 3, 1);
        var output = mlp.Forward(0.5, -1.0)[0];

        // The output is layer1.neuron0's linear sum; the first layer's activations are its inputs' inputs.
        Assert.Equal("layer1.neuron0", output.Scope!.Path);
        Assert.Equal("layer1.neuron0.b", output.TopologicalOrder().First(v => v.IsLeaf && v.Label!.EndsWith(".b", StringComparison.Ordinal)).Label);
        foreach (var value in output.TopologicalOrder().Where(v => !v.IsLeaf))
        {
            foreach (var parameter in value.Inputs.Where(i => i.IsLeaf && i.Label!.StartsWith("layer", StringComparison.Ordinal)))
            {
                Assert.Equal(value.Scope!.Path, parameter.Label![..parameter.Label!.LastIndexOf('.')]);
            }
        }
    }

    [Fact]
    public void Bad_shapes_are_rejected()
    {
        Assert.Equal("An MLP needs at least one layer. (Parameter 'layerSizes')", Assert.Throws<ArgumentException>(() => new Mlp(2)).Message);
        Assert.Equal("inputs", Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp(0, 1)).ParamName);
        var emptyLayer = Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp(2, 4, 0));
        Assert.Equal("layerSizes", emptyLayer.ParamName); // the network's own check, naming the layer, not a neuron's
        Assert.StartsWith("Layer 1 must have at least one neuron.", emptyLayer.Message, StringComparison.Ordinal);
        Assert.Equal("layerSizes", Assert.Throws<ArgumentNullException>(() => new Mlp(2, null!)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => new Mlp(null!, 2, 1)).ParamName);
        Assert.Throws<ArgumentException>(() => new Mlp(2, 1).Forward(1.0, 2.0, 3.0));
    }

    [Fact]
    public void ToString_follows_micrograds_wording()
    {
        Assert.Equal("MLP of [Layer of [ReLUNeuron(2)], Layer of [LinearNeuron(1)]]", new Mlp(2, 1, 1).ToString());
    }

    [Fact]
    public void Micrograds_demo_reproduces_its_first_loss_exactly_and_learns_the_moons()
    {
        var (points, labels) = LoadMoons();
        var model = new Mlp(2, 16, 16, 1);
        model.LoadParameters(LoadInitialWeights());
        var sgd = new Sgd(model, 1.0);

        var losses = new List<double>();
        double accuracy = 0;
        for (int step = 0; step < 100; step++)
        {
            (var total, accuracy) = Loss(model, points, labels);
            losses.Add(total.Data);
            model.ZeroGrad();
            total.Backward();
            sgd.LearningRate = 1.0 - (0.9 * step / 100);
            sgd.Step();
        }

        // micrograd's demo.ipynb prints "step 0 loss 0.8958441028683222, accuracy 50.0%".
        Assert.Equal(0.8958441028683222, losses[0]);
        Assert.Equal(1.0, accuracy);
        Assert.True(losses[^1] < losses[0] / 10, $"loss went from {losses[0]} to {losses[^1]}");
    }

    /// <summary>micrograd's demo loss: SVM max-margin loss averaged over the batch plus L2 regularisation.</summary>
    internal static (Value Total, double Accuracy) Loss(Mlp model, double[][] points, double[] labels)
    {
        var losses = new Value[points.Length];
        int correct = 0;
        for (int i = 0; i < points.Length; i++)
        {
            var score = model.Forward([new Value(points[i][0]), new Value(points[i][1])])[0];
            losses[i] = (1 + (-labels[i] * score)).Relu();
            correct += (labels[i] > 0) == (score.Data > 0) ? 1 : 0;
        }

        var dataLoss = Value.Sum(losses) * (1.0 / losses.Length);
        var regLoss = 1e-4 * Value.Sum(model.Parameters().Select(p => p * p));
        return (dataLoss + regLoss, (double)correct / points.Length);
    }

    internal static (double[][] Points, double[] Labels) LoadMoons()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "moons100.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        Assert.Equal(100, rows.Length);
        return ([.. rows.Select(r => new[] { r[0], r[1] })], [.. rows.Select(r => r[2])]);
    }

    internal static double[] LoadInitialWeights()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "mlp-2-16-16-1.init.json")));
        return [.. json.RootElement.GetProperty("parameters").EnumerateArray().Select(e => e.GetDouble())];
    }
}
