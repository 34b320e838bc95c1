using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz;

/// <summary>One-line drawing of a <see cref="Value"/> graph: <c>L.ToDot()</c>, <c>await L.SaveDrawingAsync("L.svg")</c>.</summary>
public static class ValueDrawingExtensions
{
    /// <summary>The DOT of the graph that ends in <paramref name="root"/> (see <see cref="ValueGraphWriter"/>).</summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>DOT text with <c>\n</c> line endings.</returns>
    public static string ToDot(this Value root, DrawingOptions? options = null) => ValueGraphWriter.ToDot(root, options);

    /// <summary>
    /// Draws the graph that ends in <paramref name="root"/> into a file, atomically. The extension
    /// picks the format: <c>.svg</c>, <c>.json</c>, <c>.xdot</c> and <c>.plain</c> run the Graphviz
    /// <see cref="GraphvizOptions.Renderer"/> picks (by default the native one when installed, else
    /// Graphviz in-process); <c>.png</c> and <c>.pdf</c> need the native one; <c>.dot</c> and <c>.gv</c>
    /// write the DOT itself and need no Graphviz.
    /// </summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="drawing">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="graphviz">Which renderer, and how to run Graphviz; <see cref="GraphvizOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run and kills Graphviz.</param>
    /// <returns>The path written and any Graphviz warnings.</returns>
    /// <exception cref="ArgumentException">The extension names no format.</exception>
    /// <exception cref="GraphvizException">Graphviz was chosen and is missing, failed or timed out.</exception>
    /// <exception cref="GraphTooLargeException">The drawing has more than <see cref="GraphvizOptions.MaxNodes"/> nodes.</exception>
    public static async Task<GraphvizResult> SaveDrawingAsync(
        this Value root,
        string path,
        DrawingOptions? drawing = null,
        GraphvizOptions? graphviz = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var graph = ValueGraphWriter.ToDotGraph(root, drawing);
        if (!GraphvizNames.TryGetFormatFromPath(path, out var format))
        {
            throw new ArgumentException(
                $"Cannot tell the output format from '{Path.GetFileName(path)}': use .svg, .png, .pdf, .dot, .gv, .json, .xdot or .plain.",
                nameof(path));
        }

        if (format == GraphvizFormat.Dot)
        {
            string target = await AtomicFile.WriteAsync(path, file =>
            {
                DotWriter.Write(graph, file);
                return Task.CompletedTask;
            }).ConfigureAwait(false);
            return new GraphvizResult(format, [], target, []);
        }

        return await new GraphRenderer(graphviz).SaveAsync(graph, path, format, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Draws the graph that ends in <paramref name="root"/> in memory, with the Graphviz
    /// <see cref="GraphRenderer.Choose"/> picks (SVG can be drawn in-process, with nothing installed).
    /// </summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="format">The output format.</param>
    /// <param name="drawing">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="graphviz">Which renderer, and how to run Graphviz; <see cref="GraphvizOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run and kills Graphviz.</param>
    /// <returns>The rendered bytes, any warnings, and which renderer drew them.</returns>
    /// <exception cref="NotSupportedException">Graphviz in-process was asked for PNG or PDF.</exception>
    /// <exception cref="GraphvizException">Graphviz was chosen and is missing, failed or timed out.</exception>
    /// <exception cref="GraphTooLargeException">The drawing has more than <see cref="GraphvizOptions.MaxNodes"/> nodes.</exception>
    public static Task<GraphvizResult> RenderAsync(
        this Value root,
        GraphvizFormat format = GraphvizFormat.Svg,
        DrawingOptions? drawing = null,
        GraphvizOptions? graphviz = null,
        CancellationToken cancellationToken = default) =>
        new GraphRenderer(graphviz).RenderAsync(ValueGraphWriter.ToDotGraph(root, drawing), format, cancellationToken);

    /// <summary>
    /// Draws the graph that ends in <paramref name="root"/> as SVG text: with the native Graphviz when
    /// it is installed, else with Graphviz in-process (see <see cref="GraphvizOptions.Renderer"/>).
    /// </summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="drawing">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="graphviz">Which renderer, and how to run Graphviz; <see cref="GraphvizOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run and kills Graphviz.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="GraphvizException">Graphviz was chosen and is missing, failed or timed out.</exception>
    /// <exception cref="GraphTooLargeException">The drawing has more than <see cref="GraphvizOptions.MaxNodes"/> nodes.</exception>
    public static async Task<string> RenderSvgAsync(
        this Value root,
        DrawingOptions? drawing = null,
        GraphvizOptions? graphviz = null,
        CancellationToken cancellationToken = default)
    {
        var result = await root.RenderAsync(GraphvizFormat.Svg, drawing, graphviz, cancellationToken).ConfigureAwait(false);
        return DotWriter.Utf8.GetString(result.Output.Span);
    }
}
