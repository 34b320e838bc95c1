namespace MicroGrad.Nn;

/// <summary>A layer of independent neurons that all see the same inputs.</summary>
public sealed class Layer : Module
{
    private readonly Neuron[] _neurons;

    /// <summary>
    /// Creates a layer of neurons initialised from <paramref name="random"/>, neuron by neuron. Neuron
    /// i's parameters are labelled <c>neuron{i}.w0</c>, …, <c>neuron{i}.b</c>: the scope its values are computed in.
    /// </summary>
    /// <param name="inputs">The number of inputs each neuron takes; at least 1.</param>
    /// <param name="outputs">The number of neurons; at least 1.</param>
    /// <param name="random">The source of the initial weights.</param>
    /// <param name="activation">Every neuron's non-linearity; default <see cref="Activation.Relu"/>.</param>
    public Layer(int inputs, int outputs, Random random, Activation activation = Activation.Relu)
        : this(inputs, outputs, random, activation, owner: null)
    {
    }

    // owner: the layer's path in its network (layer1); null for a layer alone.
    internal Layer(int inputs, int outputs, Random random, Activation activation, string? owner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        ArgumentNullException.ThrowIfNull(random);
        _neurons = new Neuron[outputs];
        for (int i = 0; i < outputs; i++)
        {
            string name = NeuronName(i);
            _neurons[i] = new Neuron(inputs, random, activation, owner is null ? name : owner + "." + name);
        }

        InputCount = inputs;
    }

    /// <summary>The neurons, in output order.</summary>
    public IReadOnlyList<Neuron> Neurons => _neurons;

    /// <summary>The number of inputs each neuron takes.</summary>
    public int InputCount { get; }

    /// <summary>
    /// Computes every neuron's output for one input vector. Values computed by neuron i carry the
    /// scope <c>neuron{i}</c> (see <see cref="ModuleScope"/>).
    /// </summary>
    /// <param name="inputs">Exactly <see cref="InputCount"/> values.</param>
    /// <returns>One new value per neuron.</returns>
    /// <exception cref="ArgumentException">The input count is wrong.</exception>
    public Value[] Forward(IReadOnlyList<Value> inputs)
    {
        CheckInputs(inputs, InputCount);
        var outputs = new Value[_neurons.Length];
        for (int i = 0; i < outputs.Length; i++)
        {
            using var scope = ModuleScope.Enter(NeuronName(i));
            outputs[i] = _neurons[i].Forward(inputs);
        }

        return outputs;
    }

    private static string NeuronName(int i) => "neuron" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override IReadOnlyList<Value> Parameters() => [.. _neurons.SelectMany(n => n.Parameters())];

    /// <summary>Describes the layer, e.g. <c>Layer of [ReLUNeuron(2), ReLUNeuron(2)]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Layer of [{string.Join(", ", _neurons.Select(n => n.ToString()))}]";
}
