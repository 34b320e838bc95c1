namespace MicroGrad.Viz;

/// <summary>
/// Drawing a <see cref="Tape"/>: the graph it recorded, with the numbers of its last replay
/// (<see cref="Tape.WriteBack"/> first writes them into the graph), in any view and format a
/// <see cref="Value"/> can be drawn in.
/// </summary>
public static class TapeDrawingExtensions
{
    /// <summary>The DOT of the tape's graph, from its first output, with the last replay's numbers.</summary>
    /// <param name="tape">The tape to draw.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>DOT text with <c>\n</c> line endings.</returns>
    public static string ToDot(this Tape tape, DrawingOptions? options = null) => Synced(tape).ToDot(options);

    /// <summary>Draws the tape's graph into a file, as <see cref="ValueDrawingExtensions.SaveDrawingAsync"/> draws a value's.</summary>
    /// <param name="tape">The tape to draw.</param>
    /// <param name="path">The file to write; its extension names the format.</param>
    /// <param name="drawing">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="rendering">Which Graphviz and how to run it; <see cref="RenderOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run and stops Graphviz.</param>
    /// <returns>The path written, any Graphviz warnings, and which Graphviz drew it.</returns>
    /// <exception cref="RenderException">Graphviz is missing, failed, crashed or timed out; or the drawing is over the size guard.</exception>
    public static Task<RenderResult> SaveDrawingAsync(
        this Tape tape,
        string path,
        DrawingOptions? drawing = null,
        RenderOptions? rendering = null,
        CancellationToken cancellationToken = default) =>
        Synced(tape).SaveDrawingAsync(path, drawing, rendering, cancellationToken);

    /// <summary>Draws the tape's graph in memory, as <see cref="ValueDrawingExtensions.RenderAsync"/> draws a value's.</summary>
    /// <param name="tape">The tape to draw.</param>
    /// <param name="format">The output format.</param>
    /// <param name="drawing">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="rendering">Which Graphviz and how to run it; <see cref="RenderOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run and stops Graphviz.</param>
    /// <returns>The rendered bytes, any warnings, and which Graphviz drew them.</returns>
    /// <exception cref="RenderException">Graphviz is missing, failed, crashed or timed out; or the drawing is over the size guard.</exception>
    public static Task<RenderResult> RenderAsync(
        this Tape tape,
        OutputFormat format = OutputFormat.Svg,
        DrawingOptions? drawing = null,
        RenderOptions? rendering = null,
        CancellationToken cancellationToken = default) =>
        Synced(tape).RenderAsync(format, drawing, rendering, cancellationToken);

    private static Value Synced(Tape tape)
    {
        ArgumentNullException.ThrowIfNull(tape);
        tape.WriteBack();
        return tape.Outputs[0];
    }
}
