using MicroGrad.Viz.Dot;

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
    /// picks the format (<see cref="OutputFormats"/>): <c>.svg</c>, <c>.png</c>, <c>.pdf</c>, <c>.xdot</c>
    /// and <c>.plain</c> are laid out by the Graphviz <see cref="RenderOptions.Renderer"/> picks (by
    /// default the native one when installed, else Graphviz in-process); <c>.dot</c>, <c>.gv</c> and
    /// <c>.json</c> (the graph export) need no Graphviz.
    /// </summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="drawing">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="rendering">Which Graphviz and how to run it; <see cref="RenderOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run and stops Graphviz.</param>
    /// <returns>The path written, any Graphviz warnings, and which Graphviz drew it.</returns>
    /// <exception cref="ArgumentException">The extension names no format.</exception>
    /// <exception cref="NotSupportedException">The chosen Graphviz does not draw the format.</exception>
    /// <exception cref="RenderException">Graphviz is missing, failed, crashed or timed out; or the drawing is over the size guard.</exception>
    public static async Task<RenderResult> SaveDrawingAsync(
        this Value root,
        string path,
        DrawingOptions? drawing = null,
        RenderOptions? rendering = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var format = OutputFormats.FromPath(path, nameof(path));
        if (format == OutputFormat.Json)
        {
            string target = await AtomicFile.WriteAsync(path, file =>
            {
                ValueGraphJson.Write(root, file);
                return Task.CompletedTask;
            }).ConfigureAwait(false);
            return new RenderResult(format, [], target, [], null);
        }

        if (format == OutputFormat.Html)
        {
            return await ValueGraphHtml.SaveAsync(root, path, drawing, rendering, cancellationToken).ConfigureAwait(false);
        }

        return await new GraphRenderer(rendering).SaveAsync(ValueGraphWriter.ToDotGraph(root, drawing), path, format, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Draws the graph that ends in <paramref name="root"/> in memory, with the Graphviz
    /// <see cref="GraphRenderer.Choose"/> picks (SVG can be drawn in-process, with nothing installed).
    /// </summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="format">The output format.</param>
    /// <param name="drawing">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="rendering">Which Graphviz and how to run it; <see cref="RenderOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run and stops Graphviz.</param>
    /// <returns>The rendered bytes, any warnings, and which Graphviz drew them.</returns>
    /// <exception cref="NotSupportedException">The chosen Graphviz does not draw the format.</exception>
    /// <exception cref="RenderException">Graphviz is missing, failed, crashed or timed out; or the drawing is over the size guard.</exception>
    public static Task<RenderResult> RenderAsync(
        this Value root,
        OutputFormat format = OutputFormat.Svg,
        DrawingOptions? drawing = null,
        RenderOptions? rendering = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (format == OutputFormat.Json)
        {
            using var buffer = new MemoryStream();
            ValueGraphJson.Write(root, buffer);
            return Task.FromResult(new RenderResult(format, buffer.ToArray(), null, [], null));
        }

        if (format == OutputFormat.Html)
        {
            return ValueGraphHtml.RenderAsync(root, drawing, rendering, cancellationToken);
        }

        return new GraphRenderer(rendering).RenderAsync(ValueGraphWriter.ToDotGraph(root, drawing), format, cancellationToken);
    }

    /// <summary>
    /// Draws the graph that ends in <paramref name="root"/> as SVG text: with the native Graphviz when
    /// it is installed, else with Graphviz in-process (see <see cref="RenderOptions.Renderer"/>).
    /// </summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="drawing">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="rendering">Which Graphviz and how to run it; <see cref="RenderOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run and stops Graphviz.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="RenderException">Graphviz is missing, failed, crashed or timed out; or the drawing is over the size guard.</exception>
    public static async Task<string> RenderSvgAsync(
        this Value root,
        DrawingOptions? drawing = null,
        RenderOptions? rendering = null,
        CancellationToken cancellationToken = default)
    {
        var result = await root.RenderAsync(OutputFormat.Svg, drawing, rendering, cancellationToken).ConfigureAwait(false);
        return DotWriter.Utf8.GetString(result.Output.Span);
    }
}
