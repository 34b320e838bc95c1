namespace MicroGrad.Viz.Graphviz;

/// <summary>
/// A Graphviz that runs inside this process instead of as a <c>dot</c> process. The
/// <c>MicroGrad.Viz.Wasm</c> package provides one (Graphviz compiled to WebAssembly); when that
/// package is part of the application, <see cref="GraphRenderer"/> finds it by itself.
/// </summary>
/// <remarks>Implementations must be safe to call from several threads at once.</remarks>
public interface IInProcessGraphviz
{
    /// <summary>The Graphviz version it runs, e.g. <c>16.1.0</c>.</summary>
    string Version { get; }

    /// <summary>The formats it can produce; PNG and PDF need a native Graphviz.</summary>
    IReadOnlyCollection<GraphvizFormat> Formats { get; }

    /// <summary>Lays out DOT text and renders it.</summary>
    /// <param name="dot">DOT text.</param>
    /// <param name="format">The output format; one of <see cref="Formats"/>.</param>
    /// <param name="engine">The layout engine.</param>
    /// <param name="timeout">How long the layout may run (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit).</param>
    /// <param name="cancellationToken">Stops the layout.</param>
    /// <returns>The output and the warnings Graphviz printed, one per line, as a native <c>dot</c> prints them.</returns>
    /// <exception cref="GraphvizFailedException">Graphviz rejected the input or failed to lay it out.</exception>
    /// <exception cref="GraphvizTimeoutException">The layout ran longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="GraphvizCrashedException">Graphviz ran out of stack or memory, or stopped abnormally.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    Task<GraphvizOutput> RenderAsync(string dot, GraphvizFormat format, LayoutEngine engine, TimeSpan timeout, CancellationToken cancellationToken = default);
}
