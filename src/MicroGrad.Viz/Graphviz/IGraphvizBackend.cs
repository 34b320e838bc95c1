namespace MicroGrad.Viz.Graphviz;

/// <summary>
/// A Graphviz that lays out DOT text and renders it: the native <c>dot</c> process
/// (<see cref="NativeGraphviz"/>) or Graphviz in-process (<c>MicroGrad.Viz.Wasm</c>'s
/// <c>WasmGraphviz</c>). <see cref="GraphRenderer"/> chooses one and wraps it with the size guard,
/// the timeout, warnings-as-errors and atomic files; a backend only renders.
/// </summary>
/// <remarks>Implementations must be safe to call from several threads at once.</remarks>
public interface IGraphvizBackend
{
    /// <summary>What runs, for messages: the path of <c>dot</c>, or e.g. <c>graphviz 16.1.0 (in-process)</c>.</summary>
    string Name { get; }

    /// <summary>The formats it draws; only formats that need a layout (<see cref="Formats.OutputFormatInfo.NeedsLayout"/>).</summary>
    IReadOnlyCollection<OutputFormat> Formats { get; }

    /// <summary>Lays out DOT text and writes the rendering to <paramref name="output"/>.</summary>
    /// <param name="dot">DOT text.</param>
    /// <param name="format">The output format; one of <see cref="Formats"/>.</param>
    /// <param name="engine">The layout engine.</param>
    /// <param name="output">Where the rendered bytes go; nothing is written when it fails before any output.</param>
    /// <param name="cancellationToken">Stops the layout promptly: <see cref="GraphRenderer"/> also cancels it at the timeout.</param>
    /// <returns>The warnings Graphviz printed, one per line (e.g. <c>Warning: ...</c>); empty when none.</returns>
    /// <exception cref="NotSupportedException"><paramref name="format"/> is not one of <see cref="Formats"/>.</exception>
    /// <exception cref="GraphvizNotFoundException">This Graphviz is not available.</exception>
    /// <exception cref="GraphvizFailedException">Graphviz rejected the input or failed to lay it out.</exception>
    /// <exception cref="GraphvizCrashedException">Graphviz stopped abnormally (in-process: out of stack or memory).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    Task<IReadOnlyList<string>> RenderAsync(string dot, OutputFormat format, LayoutEngine engine, Stream output, CancellationToken cancellationToken = default);
}
