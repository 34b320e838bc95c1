using MicroGrad.Nn;

namespace MicroGrad.Tests.Nn;

public class LayerTests
{
    [Fact]
    public void A_layer_alone_labels_parameters_with_the_neuron_they_belong_to()
    {
        var layer = new Layer(2, 2, new Random(1));

        Assert.Equal(["neuron0.w0", "neuron0.w1", "neuron0.b", "neuron1.w0", "neuron1.w1", "neuron1.b"], layer.Parameters().Select(p => p.Label));
    }

    [Fact]
    public void A_layers_outputs_are_computed_in_scopes_named_like_its_parameters()
    {
        var layer = new Layer(1, 2, new Random(1), Activation.Linear);
        var outputs = layer.Forward([new Value(2.0, "x")]);

        Assert.Equal(["neuron0", "neuron1"], outputs.Select(o => o.Scope!.Path));
    }
}
