using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Formats;

/// <summary>
/// What writing a format reports besides its bytes: Graphviz's warnings and which Graphviz drew it
/// (none for the formats written without one). A class, not a tuple: a task of it shares the code every
/// task of a reference type uses, so a first drawing JITs no task machinery of its own for it.
/// </summary>
internal sealed record LayoutOutcome(IReadOnlyList<string> Warnings, GraphvizChoice? Renderer)
{
    /// <summary>Nothing to report: no warnings, no Graphviz.</summary>
    public static LayoutOutcome None { get; } = new([], null);
}
