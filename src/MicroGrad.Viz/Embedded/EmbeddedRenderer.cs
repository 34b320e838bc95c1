using MicroGrad.Viz.Dot;

namespace MicroGrad.Viz.Embedded;

/// <summary>
/// Draws a <see cref="DotGraph"/> as SVG without Graphviz: GraphShape's Sugiyama layered layout,
/// node sizes from a fixed text metric (Helvetica's widths), and SVG shaped like Graphviz's (node
/// groups titled with their DOT ids), byte-identical on every run, machine and culture.
/// </summary>
/// <remarks>
/// It draws what <see cref="ValueGraphWriter"/> produces: record, ellipse and box nodes; the
/// <c>style</c> values <c>filled</c>, <c>dashed</c>, <c>dotted</c>, <c>rounded</c>, <c>bold</c>,
/// <c>invis</c>; <c>color</c>, <c>fillcolor</c>, <c>fontcolor</c>, <c>penwidth</c>, <c>fontname</c>;
/// <c>rankdir</c>; a graph <c>label</c>; clusters (drawn around their members; unlike Graphviz, the
/// layout does not keep other nodes out of them). Record ports, HTML tables (drawn as their text)
/// and other attributes are ignored. Graphviz gives tighter layouts with fewer crossings on large
/// graphs, and PNG and PDF.
/// </remarks>
public static class EmbeddedRenderer
{
    /// <summary>Lays out the graph and returns its SVG.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="cancellationToken">Stops the layout (it can take minutes on thousands of nodes).</param>
    /// <returns>An SVG document (UTF-8 when saved; <c>\n</c> line ends).</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static string RenderSvg(DotGraph graph, CancellationToken cancellationToken = default)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WriteSvg(graph, writer, cancellationToken);
        return writer.ToString();
    }

    /// <summary>Lays out the graph and writes its SVG.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">Where the SVG goes; nothing is written if the layout is cancelled.</param>
    /// <param name="cancellationToken">Stops the layout (it can take minutes on thousands of nodes).</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static void WriteSvg(DotGraph graph, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        SvgWriter.Write(LayeredLayout.Compute(graph, cancellationToken), writer);
    }
}
