namespace MicroGrad.Nn;

/// <summary>
/// A part of a neural network that owns parameters, as in micrograd: <see cref="Neuron"/>,
/// <see cref="Layer"/> and <see cref="Mlp"/> derive from it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming",
    "CA1716:Identifiers should not match keywords",
    Justification = "The name is micrograd's; VB callers can write [Module].")]
public abstract class Module
{
    /// <summary>
    /// Every trainable parameter, in micrograd's order: for each layer, for each neuron, the
    /// weights in input order and then the bias.
    /// </summary>
    /// <returns>The parameters; the list is new, the values are the module's own.</returns>
    public abstract IReadOnlyList<Value> Parameters();

    /// <summary>Sets the gradient of every parameter to 0.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in Parameters())
        {
            parameter.Grad = 0.0;
        }
    }

    /// <summary>
    /// Sets the parameters' data from a list of numbers in <see cref="Parameters"/> order, such as
    /// micrograd's initial weights. Gradients are left as they are.
    /// </summary>
    /// <param name="values">Exactly one number per parameter.</param>
    /// <exception cref="ArgumentException">The count differs from the number of parameters.</exception>
    public void LoadParameters(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parameters = Parameters();
        if (values.Count != parameters.Count)
        {
            throw new ArgumentException(
                $"Expected {parameters.Count} parameter values for this {GetType().Name}, got {values.Count}.",
                nameof(values));
        }

        for (int i = 0; i < values.Count; i++)
        {
            parameters[i].Data = values[i];
        }
    }

    private protected static void CheckInputs(IReadOnlyList<Value> inputs, int expected)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != expected)
        {
            throw new ArgumentException($"Expected {expected} inputs, got {inputs.Count}.", nameof(inputs));
        }
    }
}
