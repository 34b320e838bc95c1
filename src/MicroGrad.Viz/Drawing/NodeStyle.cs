namespace MicroGrad.Viz.Drawing;

/// <summary>
/// How one role of node is drawn. Colours are Graphviz colour names or <c>#rrggbb</c>;
/// <see langword="null"/> leaves the Graphviz default.
/// </summary>
/// <param name="FillColor">The background; sets <c>style=filled</c> when given.</param>
/// <param name="Color">The border colour.</param>
/// <param name="FontColor">The text colour.</param>
/// <param name="PenWidth">The border width in points; <see langword="null"/> for 1.</param>
public sealed record NodeStyle(string? FillColor = null, string? Color = null, string? FontColor = null, double? PenWidth = null)
{
    /// <summary>No styling: Graphviz defaults.</summary>
    public static NodeStyle Plain { get; } = new();
}
