using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Embedded;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz;

/// <summary>
/// Renders a <see cref="DotGraph"/> with the backend <see cref="GraphvizOptions.Renderer"/> names:
/// Graphviz (through <see cref="GraphvizRunner"/>) or the <see cref="EmbeddedRenderer"/>, or — by
/// default — Graphviz when it is installed and the embedded renderer otherwise.
/// </summary>
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
    /// Which backend would draw <paramref name="format"/>: the configured one, or for
    /// <see cref="Renderer.Auto"/>, Graphviz if a path to <c>dot</c> is configured
    /// (<see cref="GraphvizOptions.DotPath"/>, <c>MGVIZ_DOT</c>) or <c>dot</c> is found, and otherwise
    /// the embedded renderer for SVG (Graphviz for other formats, which then reports it missing).
    /// </summary>
    /// <param name="format">The output format.</param>
    /// <returns><see cref="Renderer.Graphviz"/> or <see cref="Renderer.Embedded"/>.</returns>
    public Renderer Choose(GraphvizFormat format = GraphvizFormat.Svg)
    {
        if (Options.Renderer != Renderer.Auto)
        {
            return Options.Renderer;
        }

        if (format != GraphvizFormat.Svg
            || Options.DotPath is not null
            || Environment.GetEnvironmentVariable(GraphvizOptions.DotPathVariable) is { Length: > 0 })
        {
            return Renderer.Graphviz;
        }

        try
        {
            GraphvizLocator.Locate(Options);
            return Renderer.Graphviz;
        }
        catch (GraphvizNotFoundException)
        {
            return Renderer.Embedded;
        }
    }

    /// <summary>Renders the graph in memory.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="format">The output format.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The output bytes, any warnings, and which backend drew it.</returns>
    /// <exception cref="NotSupportedException">The embedded renderer was asked for another format than SVG.</exception>
    /// <exception cref="GraphTooLargeException">The graph has more than <see cref="GraphvizOptions.MaxNodes"/> nodes.</exception>
    /// <exception cref="GraphvizException">Graphviz was chosen and is missing, failed or timed out; or the embedded layout timed out (<see cref="EmbeddedLayoutTimeoutException"/>).</exception>
    public Task<GraphvizResult> RenderAsync(DotGraph graph, GraphvizFormat format = GraphvizFormat.Svg, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (Choose(format) == Renderer.Graphviz)
        {
            return new GraphvizRunner(Options).RenderAsync(graph, format, cancellationToken);
        }

        return RenderEmbeddedAsync(graph, format, cancellationToken);
    }

    private async Task<GraphvizResult> RenderEmbeddedAsync(DotGraph graph, GraphvizFormat format, CancellationToken cancellationToken)
    {
        CheckEmbedded(graph, format);
        var layout = await LayOutAsync(graph, cancellationToken).ConfigureAwait(false);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        SvgWriter.Write(layout, writer);
        return new GraphvizResult(format, DotWriter.Utf8.GetBytes(writer.ToString()), null, [], Renderer.Embedded);
    }

    /// <summary>Runs the embedded layout off the caller's thread, stopped by the token or the timeout.</summary>
    private async Task<GraphLayout> LayOutAsync(DotGraph graph, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            return await Task.Run(() => LayeredLayout.Compute(graph, timeout.Token), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmbeddedLayoutTimeoutException(graph.NodeCount, Options.Timeout);
        }
    }

    /// <summary>
    /// Renders the graph to a file, atomically: an existing file is replaced only when rendering
    /// succeeded, and no partial file is left behind.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="format">The output format; <see langword="null"/> to take it from the extension.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The path written, any warnings, and which backend drew it.</returns>
    /// <exception cref="ArgumentException">No format was given and the extension names none.</exception>
    /// <exception cref="NotSupportedException">The embedded renderer was asked for another format than SVG.</exception>
    /// <exception cref="GraphTooLargeException">The graph has more than <see cref="GraphvizOptions.MaxNodes"/> nodes.</exception>
    /// <exception cref="GraphvizException">Graphviz was chosen and is missing, failed or timed out; or the embedded layout timed out (<see cref="EmbeddedLayoutTimeoutException"/>).</exception>
    public async Task<GraphvizResult> SaveAsync(DotGraph graph, string path, GraphvizFormat? format = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var resolved = format ?? (GraphvizNames.TryGetFormatFromPath(path, out var fromPath)
            ? fromPath
            : throw new ArgumentException($"Cannot tell the output format from '{Path.GetFileName(path)}': use .svg, .png, .pdf or .dot.", nameof(path)));
        if (Choose(resolved) == Renderer.Graphviz)
        {
            return await new GraphvizRunner(Options).SaveAsync(graph, path, resolved, cancellationToken).ConfigureAwait(false);
        }

        CheckEmbedded(graph, resolved);
        var layout = await LayOutAsync(graph, cancellationToken).ConfigureAwait(false);
        string target = await AtomicFile.WriteAsync(path, async stream =>
        {
            var writer = new StreamWriter(stream, DotWriter.Utf8, bufferSize: 1 << 16, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                SvgWriter.Write(layout, writer);
            }
        }).ConfigureAwait(false);
        return new GraphvizResult(resolved, [], target, [], Renderer.Embedded);
    }

    private void CheckEmbedded(DotGraph graph, GraphvizFormat format)
    {
        if (format != GraphvizFormat.Svg)
        {
            throw new NotSupportedException($"The embedded renderer draws SVG only; {format.ToString().ToUpperInvariant()} needs Graphviz.");
        }

        int nodes = graph.NodeCount;
        if (nodes > Options.MaxNodes)
        {
            throw new GraphTooLargeException(nodes, Options.MaxNodes);
        }
    }
}
