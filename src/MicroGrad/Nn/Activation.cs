namespace MicroGrad.Nn;

/// <summary>The non-linearity a <see cref="Neuron"/> applies to its weighted sum.</summary>
public enum Activation
{
    /// <summary>No non-linearity: the neuron outputs its weighted sum (micrograd's <c>nonlin=False</c>).</summary>
    Linear,

    /// <summary><see cref="Value.Relu"/> (micrograd's default).</summary>
    Relu,

    /// <summary><see cref="Value.Tanh"/> (the lecture's neuron).</summary>
    Tanh,
}
