namespace MicroGrad.Nn;

/// <summary>
/// One neuron: <c>activation(b + w0·x0 + w1·x1 + …)</c>, summed in that order as micrograd does.
/// </summary>
public sealed class Neuron : Module
{
    private readonly Value[] _weights;

    /// <summary>
    /// Creates a neuron with weights drawn uniformly from [−1, 1) and a bias of 0, as micrograd does.
    /// </summary>
    /// <param name="inputs">The number of inputs; at least 1.</param>
    /// <param name="random">The source of the initial weights; pass a seeded one for repeatable runs.</param>
    /// <param name="activation">The non-linearity; default <see cref="Activation.Relu"/>.</param>
    public Neuron(int inputs, Random random, Activation activation = Activation.Relu)
        : this(inputs, random, activation, owner: null)
    {
    }

    // owner: the neuron's path in its layer or network (layer1.neuron3), the scope its values are
    // computed in; it prefixes the parameters' labels so a drawing says whose they are.
    internal Neuron(int inputs, Random random, Activation activation, string? owner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentNullException.ThrowIfNull(random);
        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }

        string prefix = owner is null ? string.Empty : owner + ".";
        _weights = new Value[inputs];
        for (int i = 0; i < inputs; i++)
        {
            _weights[i] = new Value((random.NextDouble() * 2.0) - 1.0, prefix + "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Bias = new Value(0.0, prefix + "b");
        Activation = activation;
    }

    /// <summary>
    /// The weights, one per input, labelled <c>w0</c>, <c>w1</c>, …; inside a layer or network the label
    /// starts with the neuron's path, the one its values are computed in: <c>neuron3.w0</c> in a
    /// <see cref="Layer"/>, <c>layer1.neuron3.w0</c> in an <see cref="Mlp"/>.
    /// </summary>
    public IReadOnlyList<Value> Weights => _weights;

    /// <summary>The bias, labelled <c>b</c> (<c>layer1.neuron3.b</c> inside a network, as the weights).</summary>
    public Value Bias { get; }

    /// <summary>The non-linearity applied to the weighted sum.</summary>
    public Activation Activation { get; }

    /// <summary>Computes the neuron's output for one input vector.</summary>
    /// <param name="inputs">Exactly as many values as the neuron has weights.</param>
    /// <returns>A new value.</returns>
    /// <exception cref="ArgumentException">The input count is wrong.</exception>
    public Value Forward(IReadOnlyList<Value> inputs)
    {
        CheckInputs(inputs, _weights.Length);
        var sum = Bias;
        for (int i = 0; i < _weights.Length; i++)
        {
            sum += _weights[i] * inputs[i];
        }

        return Activation switch
        {
            Activation.Relu => sum.Relu(),
            Activation.Tanh => sum.Tanh(),
            _ => sum,
        };
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Value> Parameters() => [.. _weights, Bias];

    /// <summary>Describes the neuron, e.g. <c>ReLU Neuron(2)</c> (micrograd's wording).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Activation switch { Activation.Relu => "ReLU", Activation.Tanh => "Tanh", _ => "Linear" }}Neuron({_weights.Length})");
}
