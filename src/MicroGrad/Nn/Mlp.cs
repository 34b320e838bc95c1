namespace MicroGrad.Nn;

/// <summary>
/// A multi-layer perceptron as in micrograd: ReLU on every hidden layer, a linear last layer.
/// </summary>
public sealed class Mlp : Module
{
    /// <summary>The seed of the default initialisation, 1337 (micrograd's demo seed).</summary>
    public const int DefaultSeed = 1337;

    private readonly Layer[] _layers;

    /// <summary>
    /// Creates an MLP initialised from <c>new Random(<see cref="DefaultSeed"/>)</c>, so the same
    /// sizes give the same weights in every run. Use <see cref="Module.LoadParameters"/> to start from
    /// given weights.
    /// </summary>
    /// <param name="inputs">The number of inputs; at least 1.</param>
    /// <param name="layerSizes">The number of neurons in each layer, the last one being the outputs.</param>
    public Mlp(int inputs, params int[] layerSizes)
        : this(new Random(DefaultSeed), inputs, layerSizes)
    {
    }

    /// <summary>
    /// Creates an MLP initialised from <paramref name="random"/>, layer by layer. Parameters are labelled
    /// with the path of the neuron that owns them, the scope its values are computed in:
    /// <c>layer1.neuron3.w0</c>, …, <c>layer1.neuron3.b</c>.
    /// </summary>
    /// <param name="random">The source of the initial weights.</param>
    /// <param name="inputs">The number of inputs; at least 1.</param>
    /// <param name="layerSizes">The number of neurons in each layer; at least one layer, each of at least 1.</param>
    public Mlp(Random random, int inputs, params int[] layerSizes)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(layerSizes);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        if (layerSizes.Length == 0)
        {
            throw new ArgumentException("An MLP needs at least one layer.", nameof(layerSizes));
        }

        _layers = new Layer[layerSizes.Length];
        int fanIn = inputs;
        for (int i = 0; i < layerSizes.Length; i++)
        {
            if (layerSizes[i] < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(layerSizes), layerSizes[i], $"Layer {i} must have at least one neuron.");
            }

            var activation = i == layerSizes.Length - 1 ? Activation.Linear : Activation.Relu;
            _layers[i] = new Layer(fanIn, layerSizes[i], random, activation, LayerName(i));
            fanIn = layerSizes[i];
        }

        InputCount = inputs;
    }

    /// <summary>The layers, from the input side to the output.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>The number of inputs.</summary>
    public int InputCount { get; }

    /// <summary>
    /// Computes the outputs for one input vector. Values computed by layer i carry the scope
    /// <c>layer{i}</c>, those of its neuron j <c>layer{i}.neuron{j}</c> (see <see cref="ModuleScope"/>).
    /// </summary>
    /// <param name="inputs">Exactly <see cref="InputCount"/> values.</param>
    /// <returns>One new value per neuron of the last layer.</returns>
    /// <exception cref="ArgumentException">The input count is wrong.</exception>
    public Value[] Forward(IReadOnlyList<Value> inputs)
    {
        CheckInputs(inputs, InputCount);
        var x = inputs;
        Value[] outputs = [];
        for (int i = 0; i < _layers.Length; i++)
        {
            using var scope = ModuleScope.Enter(LayerName(i));
            outputs = _layers[i].Forward(x);
            x = outputs;
        }

        return outputs;
    }

    /// <summary>
    /// Computes the outputs for one input vector of plain numbers, each wrapped in a new leaf
    /// labelled <c>x0</c>, <c>x1</c>, ….
    /// </summary>
    /// <param name="inputs">Exactly <see cref="InputCount"/> numbers.</param>
    /// <returns>One new value per neuron of the last layer.</returns>
    /// <exception cref="ArgumentException">The input count is wrong.</exception>
    public Value[] Forward(params double[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var leaves = new Value[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            leaves[i] = new Value(inputs[i], "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Forward(leaves);
    }

    private static string LayerName(int i) => "layer" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override IReadOnlyList<Value> Parameters() => [.. _layers.SelectMany(l => l.Parameters())];

    /// <summary>Describes the network, e.g. <c>MLP of [Layer of [...], ...]</c> (micrograd's wording).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"MLP of [{string.Join(", ", _layers.Select(l => l.ToString()))}]";
}
