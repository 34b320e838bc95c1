namespace MicroGrad;

/// <summary>The outcome of <see cref="GradCheck.Run"/>: every input's gradients and the largest error.</summary>
public sealed class GradCheckResult
{
    internal GradCheckResult(double output, IReadOnlyList<GradCheckEntry> entries)
    {
        Output = output;
        Entries = entries;
        double max = 0;
        foreach (var entry in entries)
        {
            // NaN wins: a NaN gradient is the worst possible disagreement.
            max = double.IsNaN(entry.Error) || double.IsNaN(max) ? double.NaN : Math.Max(max, entry.Error);
        }

        MaxError = max;
    }

    /// <summary>The output's data at the checked point.</summary>
    public double Output { get; }

    /// <summary>One entry per input, in input order.</summary>
    public IReadOnlyList<GradCheckEntry> Entries { get; }

    /// <summary>The largest <see cref="GradCheckEntry.Error"/>; NaN when any entry is NaN.</summary>
    public double MaxError { get; }

    /// <summary>Whether every entry's error is at most <paramref name="tolerance"/> (false when any is NaN).</summary>
    /// <param name="tolerance">The largest acceptable <see cref="GradCheckEntry.Error"/>.</param>
    /// <returns><see langword="true"/> when the gradients agree.</returns>
    public bool IsWithin(double tolerance) => MaxError <= tolerance;
}
