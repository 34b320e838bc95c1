using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Emitting;
using MicroGrad.Viz.Formats;
using MicroGrad.Viz.Json;

namespace MicroGrad.Viz;

/// <summary>One-line drawing of a <see cref="Value"/> graph: <c>L.ToDot()</c>, <c>await L.SaveDrawingAsync("L.svg")</c>.</summary>
public static class ValueDrawingExtensions
{
    /// <summary>
    /// The DOT of the graph that ends in <paramref name="root"/>: one record node per value
    /// (<c>{ label | data 2.0000 | grad 6.0000 }</c>), one operator node per computed value, edges
    /// input → operator → value; node ids from the topological order, so the same graph always gives
    /// byte-identical DOT.
    /// </summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>DOT text with <c>\n</c> line endings.</returns>
    public static string ToDot(this Value root, DrawingOptions? options = null) => DotDrawing.ToDot(root, options);

    /// <summary>
    /// The DOT model of the graph that ends in <paramref name="root"/>: nodes, edges and attributes to
    /// change before writing or rendering it (<see cref="GraphRenderer.RenderAsync(DotGraph, OutputFormat, CancellationToken)"/>).
    /// </summary>
    /// <param name="root">The value to draw, with everything it depends on.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>A new DOT model.</returns>
    public static DotGraph ToDotGraph(this Value root, DrawingOptions? options = null) => DotDrawing.ToDotGraph(root, options);

    /// <summary>
    /// The drawing of the graph that ends in <paramref name="root"/> with what a tool building on it
    /// needs: the DOT model, the views as applied (the automatic ones resolved for the graph's size),
    /// and the node id of each value, to find it again in Graphviz's SVG.
    /// </summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The drawing.</returns>
    public static DrawnGraph ToDrawing(this Value root, DrawingOptions? options = null) => DotDrawing.ToDrawing(root, options);

    /// <summary>Writes the DOT of the graph that ends in <paramref name="root"/> to <paramref name="writer"/>, node by node.</summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="writer">The destination; not closed.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    public static void WriteDot(this Value root, TextWriter writer, DrawingOptions? options = null) => DotDrawing.Write(root, writer, options);

    /// <summary>
    /// The graph that ends in <paramref name="root"/> as JSON for other tools (format <c>mgviz-graph</c>,
    /// version 1): every value once, inputs before the values computed from them, with its id, label,
    /// op, inputs, data and grad.
    /// </summary>
    /// <param name="root">The value to export.</param>
    /// <remarks>
    /// <para>The document (format <c>mgviz-graph</c>, version 1):</para>
    /// <code>
    /// {
    ///   "format": "mgviz-graph",
    ///   "version": 1,
    ///   "root": "v6",
    ///   "values": [
    ///     { "id": "v0", "label": "a", "op": "", "constant": false, "inputs": [], "data": 2, "grad": 6 },
    ///     …
    ///   ]
    /// }
    /// </code>
    /// <para>
    /// <c>label</c> is <see langword="null"/> for unlabelled values; <c>op</c> is empty for leaves;
    /// <c>inputs</c> lists input ids in operand order with duplicates kept (<c>a*a</c> gives
    /// <c>["v0", "v0"]</c>). Numbers are JSON numbers in shortest round-trip form; NaN and infinities,
    /// which JSON cannot hold, are the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.
    /// Output is UTF-8 without BOM, indented with two spaces, <c>\n</c> line endings. Strings escape only
    /// what JSON requires (<c>"</c>, <c>\</c>, control characters) and U+2028/U+2029: <c>"+"</c>,
    /// <c>"a &lt; b"</c> and emoji are written as they are; a lone surrogate, which UTF-8 cannot hold,
    /// becomes U+FFFD.
    /// </para>
    /// </remarks>
    /// <returns>The JSON text.</returns>
    public static string ToJson(this Value root) => GraphJson.ToJson(root);

    /// <summary>Writes the JSON of <see cref="ToJson"/> to <paramref name="stream"/> as UTF-8.</summary>
    /// <param name="root">The value to export.</param>
    /// <param name="stream">The destination; not closed.</param>
    public static void WriteJson(this Value root, Stream stream) => GraphJson.Write(root, stream);

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
    public static Task<RenderResult> SaveDrawingAsync(
        this Value root,
        string path,
        DrawingOptions? drawing = null,
        RenderOptions? rendering = null,
        CancellationToken cancellationToken = default) =>
        FormatDispatcher.SaveAsync(root, path, null, drawing, rendering, cancellationToken);

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
        CancellationToken cancellationToken = default) =>
        FormatDispatcher.RenderAsync(root, format, drawing, rendering, cancellationToken);

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
