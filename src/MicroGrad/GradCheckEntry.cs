namespace MicroGrad;

/// <summary>One input's analytic and numeric gradient, from <see cref="GradCheck.Run"/>.</summary>
/// <param name="Index">The input's position in the checked point.</param>
/// <param name="Label">The input's label after the build function ran (<c>x0</c>, <c>x1</c>, … by default).</param>
/// <param name="Analytic">The gradient <see cref="Value.Backward"/> computed.</param>
/// <param name="Numeric">The central finite-difference estimate.</param>
public sealed record GradCheckEntry(int Index, string? Label, double Analytic, double Numeric)
{
    /// <summary>
    /// The disagreement <c>|analytic − numeric| / max(1, |analytic|, |numeric|)</c>: absolute for
    /// small gradients, relative for large ones. NaN when either gradient is NaN.
    /// </summary>
    public double Error => Math.Abs(Analytic - Numeric) / Math.Max(1.0, Math.Max(Math.Abs(Analytic), Math.Abs(Numeric)));
}
