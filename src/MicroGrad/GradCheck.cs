namespace MicroGrad;

/// <summary>
/// Numeric gradient checking: compares the gradients <see cref="Value.Backward"/> computes with
/// central finite differences, as the seed notebook does by hand.
/// </summary>
public static class GradCheck
{
    /// <summary>The default finite-difference step, 1e-5 (the seed notebook's <c>h</c>).</summary>
    public const double DefaultStep = 1e-5;

    /// <summary>
    /// Builds a graph at <paramref name="point"/>, back-propagates through it, and compares each
    /// input's analytic gradient with the central difference
    /// <c>(f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h</c>.
    /// </summary>
    /// <param name="build">
    /// Builds the output from the input leaves it is given (one per coordinate of
    /// <paramref name="point"/>, labelled <c>x0</c>, <c>x1</c>, … unless it relabels them). It is
    /// called 2n + 1 times and must build a fresh graph each time.
    /// </param>
    /// <param name="point">Where to check: one finite number per input.</param>
    /// <param name="step">The finite-difference step h; positive and finite. Default <see cref="DefaultStep"/>.</param>
    /// <returns>One entry per input, with the largest error.</returns>
    /// <exception cref="ArgumentException"><paramref name="point"/> is empty or holds a non-finite number.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not positive and finite.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="build"/> returned <see langword="null"/>.</exception>
    public static GradCheckResult Run(Func<IReadOnlyList<Value>, Value> build, IReadOnlyList<double> point, double step = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(point);
        if (point.Count == 0)
        {
            throw new ArgumentException("The point needs at least one coordinate.", nameof(point));
        }

        for (int i = 0; i < point.Count; i++)
        {
            if (!double.IsFinite(point[i]))
            {
                throw new ArgumentException($"Coordinate {i} of the point is not a finite number.", nameof(point));
            }
        }

        if (!(step > 0) || !double.IsFinite(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The step must be positive and finite.");
        }

        var inputs = Leaves(point, -1, 0);
        var output = Evaluate(build, inputs);
        output.Backward();

        var entries = new GradCheckEntry[point.Count];
        for (int i = 0; i < point.Count; i++)
        {
            double plus = Evaluate(build, Leaves(point, i, step)).Data;
            double minus = Evaluate(build, Leaves(point, i, -step)).Data;
            entries[i] = new GradCheckEntry(i, inputs[i].Label, inputs[i].Grad, (plus - minus) / (2 * step));
        }

        return new GradCheckResult(output.Data, entries);
    }

    private static Value[] Leaves(IReadOnlyList<double> point, int nudged, double delta)
    {
        var leaves = new Value[point.Count];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = new Value(i == nudged ? point[i] + delta : point[i], "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return leaves;
    }

    private static Value Evaluate(Func<IReadOnlyList<Value>, Value> build, Value[] inputs) =>
        build(inputs) ?? throw new InvalidOperationException("The build function returned null instead of an output value.");
}
