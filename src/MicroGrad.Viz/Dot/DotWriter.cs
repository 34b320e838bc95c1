using System.Globalization;
using System.Text;

namespace MicroGrad.Viz.Dot;

/// <summary>
/// Writes a <see cref="DotGraph"/> as DOT text, streaming to a <see cref="TextWriter"/>.
/// Output is deterministic: statements in model order, <c>\n</c> line endings whatever the
/// platform, every string escaped by <see cref="DotEscaping"/>.
/// </summary>
public static class DotWriter
{
    /// <summary>UTF-8 without a byte-order mark: what Graphviz expects (a BOM is a syntax error to it).</summary>
    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the graph to <paramref name="writer"/> without building the whole text first.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">The destination; not closed.</param>
    public static void Write(DotGraph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);

        WriteHeader(graph, writer);
        WriteNodes(writer, graph.Nodes, "  ");
        foreach (var subgraph in graph.Subgraphs)
        {
            WriteSubgraph(writer, subgraph, "  ");
        }

        foreach (var edge in graph.Edges)
        {
            WriteEdge(writer, graph.Directed, edge.From, edge.FromPort, edge.To, edge.ToPort, edge.HasAttributes ? edge.Attributes : null);
        }

        writer.Write("}\n");
    }

    /// <summary>The opening line and the graph, node and edge defaults.</summary>
    internal static void WriteHeader(DotGraph graph, TextWriter writer)
    {
        if (graph.Strict)
        {
            writer.Write("strict ");
        }

        writer.Write(graph.Directed ? "digraph" : "graph");
        if (graph.Id is not null)
        {
            writer.Write(' ');
            writer.Write(DotEscaping.Id(graph.Id));
        }

        writer.Write(" {\n");
        WriteDefaults(writer, "graph", graph.GraphAttributes);
        WriteDefaults(writer, "node", graph.NodeDefaults);
        WriteDefaults(writer, "edge", graph.EdgeDefaults);
    }

    internal static void WriteNode(TextWriter writer, DotNode node, string indent)
    {
        writer.Write(indent);
        writer.Write(DotEscaping.Id(node.Id));
        WriteAttributes(writer, node.Attributes);
        writer.Write(";\n");
    }

    internal static void WriteEdge(TextWriter writer, bool directed, string from, string? fromPort, string to, string? toPort, DotAttributes? attributes)
    {
        writer.Write("  ");
        WriteEndpoint(writer, from, fromPort);
        writer.Write(EdgeOperator(directed));
        WriteEndpoint(writer, to, toPort);
        if (attributes is not null)
        {
            WriteAttributes(writer, attributes);
        }

        writer.Write(";\n");
    }

    /// <summary>
    /// An edge between ids that need no quoting, with its attribute list already written
    /// (<paramref name="attributes"/>, e.g. <c> [headlabel=1]</c>, or <see langword="null"/>): the streamed
    /// drawing's edges, tens of thousands of them, in the bytes <see cref="WriteEdge(TextWriter, bool, string, string?, string, string?, DotAttributes?)"/> writes.
    /// </summary>
    internal static void WriteBareEdge(TextWriter writer, bool directed, string from, string to, string? attributes)
    {
        writer.Write("  ");
        writer.Write(from);
        writer.Write(EdgeOperator(directed));
        writer.Write(to);
        if (attributes is not null)
        {
            writer.Write(attributes);
        }

        writer.Write(";\n");
    }

    private static string EdgeOperator(bool directed) => directed ? " -> " : " -- ";

    /// <summary>Writes the graph to a string.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>DOT text with <c>\n</c> line endings.</returns>
    public static string ToDot(DotGraph graph)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(graph, writer);
        return writer.ToString();
    }

    /// <summary>Writes the graph to a stream as UTF-8 without a byte-order mark.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">The destination; left open.</param>
    public static void Write(DotGraph graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true);
        Write(graph, writer);
    }

    private static void WriteNodes(TextWriter writer, IEnumerable<DotNode> nodes, string indent)
    {
        foreach (var node in nodes)
        {
            WriteNode(writer, node, indent);
        }
    }

    private static void WriteSubgraph(TextWriter writer, DotSubgraph subgraph, string indent)
    {
        writer.Write(indent);
        writer.Write("subgraph ");
        writer.Write(DotEscaping.Id(subgraph.Id));
        writer.Write(" {\n");
        string inner = indent + "  ";
        if (subgraph.Attributes.Count > 0)
        {
            writer.Write(inner);
            writer.Write("graph");
            WriteAttributes(writer, subgraph.Attributes);
            writer.Write(";\n");
        }

        WriteNodes(writer, subgraph.Nodes, inner);
        foreach (var nested in subgraph.Subgraphs)
        {
            WriteSubgraph(writer, nested, inner);
        }

        writer.Write(indent);
        writer.Write("}\n");
    }

    internal static void WriteValue(TextWriter writer, DotValue value)
    {
        switch (value.Kind)
        {
            case DotValueKind.Html:
                writer.Write('<');
                writer.Write(value.Text);
                writer.Write('>');
                break;
            case DotValueKind.Record:
                var quoted = new QuotedWriter(writer);
                WriteRecord(ref quoted, value.Record!);
                quoted.End();
                break;
            default:
                string text = value.Text ?? string.Empty;
                if (DotEscaping.IsBareId(text))
                {
                    writer.Write(text);
                }
                else
                {
                    var plain = new QuotedWriter(writer);
                    plain.Text(text, record: false);
                    plain.End();
                }

                break;
        }
    }

    /// <remarks>
    /// No spaces around <c>|</c>, <c>{</c> and <c>}</c>: Graphviz keeps a space before a separator
    /// as part of the field's text, which shifts centred text off centre.
    /// </remarks>
    private static void WriteRecord(ref QuotedWriter quoted, DotRecord record)
    {
        for (int i = 0; i < record.Fields.Count; i++)
        {
            if (i > 0)
            {
                quoted.Raw("|");
            }

            var field = record.Fields[i];
            if (field.Group is not null)
            {
                quoted.Raw("{");
                WriteRecord(ref quoted, field.Group);
                quoted.Raw("}");
                continue;
            }

            if (field.Port is not null)
            {
                quoted.Raw("<");
                quoted.Text(field.Port, record: true);
                quoted.Raw(">");
            }

            quoted.Text(field.Text!, record: true);
        }
    }

    private static void WriteDefaults(TextWriter writer, string keyword, DotAttributes attributes)
    {
        if (attributes.Count == 0)
        {
            return;
        }

        writer.Write("  ");
        writer.Write(keyword);
        WriteAttributes(writer, attributes);
        writer.Write(";\n");
    }

    internal static void WriteAttributes(TextWriter writer, DotAttributes attributes)
    {
        if (attributes.Count == 0)
        {
            return;
        }

        writer.Write(" [");
        for (int i = 0; i < attributes.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(", ");
            }

            writer.Write(DotEscaping.Id(attributes[i].Key));
            writer.Write('=');
            WriteValue(writer, attributes[i].Value);
        }

        writer.Write(']');
    }

    private static void WriteEndpoint(TextWriter writer, string id, string? port)
    {
        writer.Write(DotEscaping.Id(id));
        if (port is not null)
        {
            writer.Write(':');
            writer.Write(DotEscaping.Id(port));
        }
    }
}
