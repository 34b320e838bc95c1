using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz;

/// <summary>
/// Renders a <see cref="DotGraph"/> with the Graphviz <see cref="GraphvizOptions.Renderer"/> names:
/// the native <c>dot</c> (through <see cref="GraphvizRunner"/>), Graphviz in-process
/// (<see cref="IInProcessGraphviz"/>, from the <c>MicroGrad.Viz.Wasm</c> package), or — by
/// default — the native one when it is installed and the in-process one otherwise.
/// </summary>
/// <remarks>The size guard (<see cref="GraphvizOptions.MaxNodes"/>) and the timeout apply to both.</remarks>
public sealed class GraphRenderer
{
    /// <summary>Creates a renderer.</summary>
    /// <param name="options">Options; <see langword="null"/> for <see cref="GraphvizOptions.Default"/>.</param>
    public GraphRenderer(GraphvizOptions? options = null)
    {
        Options = options ?? GraphvizOptions.Default;
    }

    /// <summary>The options in use.</summary>
    public GraphvizOptions Options { get; }

    /// <summary>
    /// The in-process Graphviz: <see cref="GraphvizOptions.InProcess"/>, else the one of the
    /// <c>MicroGrad.Viz.Wasm</c> package when the application carries it, else <see langword="null"/>.
    /// </summary>
    public IInProcessGraphviz? InProcess => Options.InProcess ?? InProcessDiscovery.Shared;

    /// <summary>
    /// Which Graphviz would draw <paramref name="format"/>: the configured one, or for
    /// <see cref="Renderer.Auto"/>, the native one if a path to <c>dot</c> is configured
    /// (<see cref="GraphvizOptions.DotPath"/>, <c>MGVIZ_DOT</c>) or <c>dot</c> is found, and otherwise
    /// the in-process one when there is one and it draws the format (PNG and PDF need the native
    /// one, which then reports itself missing).
    /// </summary>
    /// <param name="format">The output format.</param>
    /// <returns><see cref="Renderer.Native"/> or <see cref="Renderer.InProcess"/>.</returns>
    public Renderer Choose(GraphvizFormat format = GraphvizFormat.Svg)
    {
        if (Options.Renderer != Renderer.Auto)
        {
            return Options.Renderer;
        }

        if (Options.DotPath is not null || Environment.GetEnvironmentVariable(GraphvizOptions.DotPathVariable) is { Length: > 0 })
        {
            return Renderer.Native;
        }

        try
        {
            GraphvizLocator.Locate(Options);
            return Renderer.Native;
        }
        catch (GraphvizNotFoundException)
        {
            return InProcess is { } inProcess && inProcess.Formats.Contains(format) ? Renderer.InProcess : Renderer.Native;
        }
    }

    /// <summary>Renders the graph in memory.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="format">The output format.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The output bytes, any warnings, and which Graphviz drew it.</returns>
    /// <exception cref="NotSupportedException">Graphviz in-process was asked for PNG or PDF.</exception>
    /// <exception cref="GraphTooLargeException">The graph has more than <see cref="GraphvizOptions.MaxNodes"/> nodes.</exception>
    /// <exception cref="GraphvizException">Graphviz is missing, failed, crashed or timed out.</exception>
    public async Task<GraphvizResult> RenderAsync(DotGraph graph, GraphvizFormat format = GraphvizFormat.Svg, CancellationToken cancellationToken = default)
    {
        CheckSize(graph);
        if (Choose(format) == Renderer.Native)
        {
            return await new GraphvizRunner(Options).RenderAsync(graph, format, cancellationToken).ConfigureAwait(false);
        }

        var output = await RenderInProcessAsync(graph, format, cancellationToken).ConfigureAwait(false);
        return new GraphvizResult(format, output.Bytes.ToArray(), null, output.Warnings, Renderer.InProcess);
    }

    /// <summary>
    /// Renders the graph to a file, atomically: an existing file is replaced only when rendering
    /// succeeded, and no partial file is left behind.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="format">The output format; <see langword="null"/> to take it from the extension.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The path written, any warnings, and which Graphviz drew it.</returns>
    /// <exception cref="ArgumentException">No format was given and the extension names none.</exception>
    /// <exception cref="NotSupportedException">Graphviz in-process was asked for PNG or PDF.</exception>
    /// <exception cref="GraphTooLargeException">The graph has more than <see cref="GraphvizOptions.MaxNodes"/> nodes.</exception>
    /// <exception cref="GraphvizException">Graphviz is missing, failed, crashed or timed out.</exception>
    public async Task<GraphvizResult> SaveAsync(DotGraph graph, string path, GraphvizFormat? format = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var resolved = format ?? (GraphvizNames.TryGetFormatFromPath(path, out var fromPath)
            ? fromPath
            : throw new ArgumentException($"Cannot tell the output format from '{Path.GetFileName(path)}': use .svg, .png, .pdf or .dot.", nameof(path)));
        CheckSize(graph);
        if (Choose(resolved) == Renderer.Native)
        {
            return await new GraphvizRunner(Options).SaveAsync(graph, path, resolved, cancellationToken).ConfigureAwait(false);
        }

        var output = await RenderInProcessAsync(graph, resolved, cancellationToken).ConfigureAwait(false);
        string target = await AtomicFile.WriteAsync(path, stream => stream.WriteAsync(output.Bytes, cancellationToken).AsTask()).ConfigureAwait(false);
        return new GraphvizResult(resolved, [], target, output.Warnings, Renderer.InProcess);
    }

    private async Task<GraphvizOutput> RenderInProcessAsync(DotGraph graph, GraphvizFormat format, CancellationToken cancellationToken)
    {
        var inProcess = InProcess ?? throw new GraphvizNotFoundException([InProcessDiscovery.MissingHint]);
        if (!inProcess.Formats.Contains(format))
        {
            throw new NotSupportedException(
                $"Graphviz in-process draws {string.Join(", ", inProcess.Formats.Select(GraphvizNames.Name))}; " +
                $"{GraphvizNames.Name(format)} needs a native Graphviz. {GraphvizNotFoundException.InstallHint}");
        }

        var output = await inProcess.RenderAsync(DotWriter.ToDot(graph), format, Options.Engine, Options.Timeout, cancellationToken).ConfigureAwait(false);
        if (output.Warnings.Count > 0 && Options.WarningsAsErrors)
        {
            throw new GraphvizFailedException(
                0,
                [$"graphviz {inProcess.Version} (in-process)", "-T" + GraphvizNames.Name(format), "-K" + GraphvizNames.Name(Options.Engine)],
                string.Join('\n', output.Warnings));
        }

        return output;
    }

    private void CheckSize(DotGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int nodes = graph.NodeCount;
        if (nodes > Options.MaxNodes)
        {
            throw new GraphTooLargeException(nodes, Options.MaxNodes);
        }
    }
}
