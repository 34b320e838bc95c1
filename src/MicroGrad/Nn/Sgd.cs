namespace MicroGrad.Nn;

/// <summary>Plain stochastic gradient descent: <c>p.Data -= LearningRate · p.Grad</c> for every parameter.</summary>
public sealed class Sgd
{
    private readonly Value[] _parameters;
    private double _learningRate;

    /// <summary>Creates an optimiser for a module's parameters.</summary>
    /// <param name="module">The module to train.</param>
    /// <param name="learningRate">The step size; finite.</param>
    public Sgd(Module module, double learningRate)
        : this((module ?? throw new ArgumentNullException(nameof(module))).Parameters(), learningRate)
    {
    }

    /// <summary>Creates an optimiser for a list of parameters.</summary>
    /// <param name="parameters">The values to update.</param>
    /// <param name="learningRate">The step size; finite.</param>
    public Sgd(IEnumerable<Value> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        if (Array.IndexOf(_parameters, null) >= 0)
        {
            throw new ArgumentException("A parameter is null.", nameof(parameters));
        }

        LearningRate = learningRate;
    }

    /// <summary>The step size; settable between steps for a schedule. Must be finite.</summary>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The learning rate must be a finite number.");
            }

            _learningRate = value;
        }
    }

    /// <summary>The parameters this optimiser updates.</summary>
    public IReadOnlyList<Value> Parameters => _parameters;

    /// <summary>Moves every parameter against its gradient by <see cref="LearningRate"/> times the gradient.</summary>
    public void Step()
    {
        foreach (var parameter in _parameters)
        {
            parameter.Data -= _learningRate * parameter.Grad;
        }
    }

    /// <summary>Sets the gradient of every parameter to 0.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            parameter.Grad = 0.0;
        }
    }
}
