using System.Globalization;
using System.Text;

namespace MicroGrad.Viz.Dot;

/// <summary>
/// Writes DOT text, streaming to a <see cref="TextWriter"/>: a <see cref="DotGraph"/> model, or a
/// drawing statement by statement as it is made (the library's own drawings, so a big graph is never
/// held as a model). Output is deterministic: statements in order, <c>\n</c> line endings whatever the
/// platform, every string escaped by <see cref="DotEscaping"/>.
/// </summary>
/// <remarks>Every byte of DOT the library writes comes from this type.</remarks>
public sealed class DotWriter : IDotSink
{
    /// <summary>UTF-8 without a byte-order mark: what Graphviz expects (a BOM is a syntax error to it).</summary>
    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly DotOutput _writer;
    private string _indent = "  ";
    private bool _directed = true;

    /// <summary>A writer of statements to <paramref name="writer"/> (not closed); what it writes reaches <paramref name="writer"/> at <see cref="IDotSink.EndGraph"/> or <see cref="Flush"/>.</summary>
    internal DotWriter(TextWriter writer, int bufferSize = 8192) => _writer = new DotOutput(writer, bufferSize);

    /// <summary>Hands what was written so far to the <see cref="TextWriter"/>.</summary>
    internal void Flush() => _writer.Flush();

    /// <summary>Writes the graph to <paramref name="writer"/> without building the whole text first.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">The destination; not closed.</param>
    public static void Write(DotGraph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        new DotWriter(writer).WriteGraph(graph);
    }

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

    private void WriteGraph(DotGraph graph)
    {
        IDotSink sink = this;
        sink.BeginGraph(graph);
        foreach (var node in graph.Nodes)
        {
            WriteNode(DotEscaping.Id(node.Id), node.Attributes);
        }

        foreach (var subgraph in graph.Subgraphs)
        {
            WriteSubgraph(subgraph);
        }

        foreach (var edge in graph.Edges)
        {
            BeginEdge();
            WriteEndpoint(edge.From, edge.FromPort);
            _writer.Write(EdgeOperator);
            WriteEndpoint(edge.To, edge.ToPort);
            if (edge.HasAttributes)
            {
                WriteAttributes(edge.Attributes);
            }

            _writer.Write(";\n");
        }

        sink.EndGraph();
    }

    private void WriteSubgraph(DotSubgraph subgraph)
    {
        IDotSink sink = this;
        sink.BeginSubgraph(subgraph.Id, subgraph.Attributes);
        foreach (var node in subgraph.Nodes)
        {
            WriteNode(DotEscaping.Id(node.Id), node.Attributes);
        }

        foreach (var nested in subgraph.Subgraphs)
        {
            WriteSubgraph(nested);
        }

        sink.EndSubgraph();
    }

    /// <summary>The opening line and the graph, node and edge defaults.</summary>
    void IDotSink.BeginGraph(DotGraph header)
    {
        _directed = header.Directed;
        if (header.Strict)
        {
            _writer.Write("strict ");
        }

        _writer.Write(header.Directed ? "digraph" : "graph");
        if (header.Id is not null)
        {
            _writer.Write(' ');
            _writer.Write(DotEscaping.Id(header.Id));
        }

        _writer.Write(" {\n");
        WriteDefaults("graph", header.GraphAttributes);
        WriteDefaults("node", header.NodeDefaults);
        WriteDefaults("edge", header.EdgeDefaults);
    }

    void IDotSink.EndGraph()
    {
        _writer.Write("}\n");
        _writer.Flush();
    }

    void IDotSink.BeginSubgraph(string id, DotAttributes attributes)
    {
        _writer.Write(_indent);
        _writer.Write("subgraph ");
        _writer.Write(DotEscaping.Id(id));
        _writer.Write(" {\n");
        _indent += "  ";
        if (attributes.Count > 0)
        {
            _writer.Write(_indent);
            _writer.Write("graph");
            WriteAttributes(attributes);
            _writer.Write(";\n");
        }
    }

    void IDotSink.EndSubgraph()
    {
        _indent = _indent[..^2];
        _writer.Write(_indent);
        _writer.Write("}\n");
    }

    void IDotSink.Node(NumberedId id, DotAttributes attributes)
    {
        BeginNode(id);
        WriteAttributes(attributes);
        _writer.Write(";\n");
    }

    void IDotSink.Node(NumberedId id, DotTemplate attributes)
    {
        string written = Written(attributes);
        var line = _writer.Reserve(_indent.Length + id.MaxLength + written.Length + 5);
        int length = Put(line, 0, _indent);
        length += id.WriteTo(line[length..]);
        if (attributes.Attributes.Count > 0)
        {
            length = Put(line, Put(line, Put(line, length, " ["), written), "]");
        }

        _writer.Advance(Put(line, length, ";\n"));
    }

    /// <summary>Puts <paramref name="text"/> into <paramref name="line"/> at <paramref name="at"/>; returns where it ends.</summary>
    private static int Put(Span<char> line, int at, string text)
    {
        text.CopyTo(line[at..]);
        return at + text.Length;
    }

    /// <summary>
    /// The usual value node in one piece: no tooltip, and fields that need no escaping and fit in one
    /// piece of a quoted string, so the line is what the general path writes with no escape or split.
    /// </summary>
    private bool TryWriteSimpleRecordNode(NumberedId id, DotRecordBuffer label, DotTemplate rest)
    {
        int fields = 0;
        for (int i = 0; i < label.Count; i++)
        {
            var field = label[i];
            if (!label.IsPlain(i) && DotEscaping.NeedsEscaping(field, record: true))
            {
                return false;
            }

            fields += field.Length + 1;
        }

        if (fields + 2 > DotEscaping.MaxQuotedChunkLength)
        {
            return false;
        }

        string written = rest.Attributes.Count > 0 ? Written(rest) : string.Empty;
        var line = _writer.Reserve(_indent.Length + id.MaxLength + fields + written.Length + 20);
        int length = Put(line, 0, _indent);
        length += id.WriteTo(line[length..]);
        length = Put(line, length, label.Grouped ? " [label=\"{" : " [label=\"");
        for (int i = 0; i < label.Count; i++)
        {
            if (i > 0)
            {
                line[length++] = '|';
            }

            label[i].CopyTo(line[length..]);
            length += label[i].Length;
        }

        length = Put(line, length, label.Grouped ? "}\"" : "\"");
        if (written.Length > 0)
        {
            length = Put(line, Put(line, length, ", "), written);
        }

        _writer.Advance(Put(line, length, "];\n"));
        return true;
    }

    void IDotSink.RecordNode(NumberedId id, DotRecordBuffer label, string? tooltip, DotTemplate rest)
    {
        // The bytes WriteAttributes writes for label, tooltip and rest set in that order.
        if (tooltip is null && TryWriteSimpleRecordNode(id, label, rest))
        {
            return;
        }

        BeginNode(id);
        _writer.Write(" [label=");
        var quoted = new QuotedWriter(_writer);
        if (label.Grouped)
        {
            quoted.Raw("{");
        }

        for (int i = 0; i < label.Count; i++)
        {
            if (i > 0)
            {
                quoted.Raw("|");
            }

            if (label.IsPlain(i))
            {
                quoted.Plain(label[i]);
            }
            else
            {
                quoted.Text(label[i], record: true);
            }
        }

        if (label.Grouped)
        {
            quoted.Raw("}");
        }

        quoted.End();
        if (tooltip is not null)
        {
            _writer.Write(", tooltip=");
            WriteValue(tooltip);
        }

        if (rest.Attributes.Count > 0)
        {
            _writer.Write(", ");
            _writer.Write(Written(rest));
        }

        _writer.Write("];\n");
    }

    void IDotSink.Edge(NumberedId from, NumberedId to, DotTemplate? attributes)
    {
        // The one line a big drawing has most of, composed in place.
        string edge = EdgeOperator;
        var line = _writer.Reserve(2 + from.MaxLength + edge.Length + to.MaxLength + 2);
        line[0] = ' ';
        line[1] = ' ';
        int length = 2 + from.WriteTo(line[2..]);
        edge.CopyTo(line[length..]);
        length += edge.Length;
        length += to.WriteTo(line[length..]);
        if (attributes is null)
        {
            line[length++] = ';';
            line[length++] = '\n';
            _writer.Advance(length);
            return;
        }

        _writer.Advance(length);
        WriteAttributes(attributes);
        _writer.Write(";\n");
    }

    private string EdgeOperator => _directed ? " -> " : " -- ";

    private void BeginEdge() => _writer.Write("  ");

    private void BeginNode(NumberedId id)
    {
        _writer.Write(_indent);
        WriteId(id);
    }

    private void WriteNode(string id, DotAttributes attributes)
    {
        _writer.Write(_indent);
        _writer.Write(id);
        WriteAttributes(attributes);
        _writer.Write(";\n");
    }

    private void WriteId(NumberedId id) => _writer.Advance(id.WriteTo(_writer.Reserve(id.MaxLength)));

    internal void WriteValue(DotValue value)
    {
        switch (value.Kind)
        {
            case DotValueKind.Html:
                _writer.Write('<');
                _writer.Write(value.Text ?? string.Empty);
                _writer.Write('>');
                break;
            case DotValueKind.Record:
                var quoted = new QuotedWriter(_writer);
                WriteRecord(ref quoted, value.Record!);
                quoted.End();
                break;
            default:
                WriteValue(value.Text ?? string.Empty);
                break;
        }
    }

    private void WriteValue(string text)
    {
        if (DotEscaping.IsBareId(text))
        {
            _writer.Write(text);
        }
        else
        {
            var plain = new QuotedWriter(_writer);
            plain.Text(text, record: false);
            plain.End();
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

    private void WriteDefaults(string keyword, DotAttributes attributes)
    {
        if (attributes.Count == 0)
        {
            return;
        }

        _writer.Write("  ");
        _writer.Write(keyword);
        WriteAttributes(attributes);
        _writer.Write(";\n");
    }

    /// <summary><c> [a=1, b=2]</c>, or nothing for no attributes.</summary>
    private void WriteAttributes(DotAttributes attributes)
    {
        if (attributes.Count > 0)
        {
            _writer.Write(" [");
            WriteAttributeList(attributes);
            _writer.Write(']');
        }
    }

    private void WriteAttributes(DotTemplate template)
    {
        if (template.Attributes.Count > 0)
        {
            _writer.Write(" [");
            _writer.Write(Written(template));
            _writer.Write(']');
        }
    }

    /// <summary><c>a=1, b=2</c>.</summary>
    private void WriteAttributeList(DotAttributes attributes)
    {
        for (int i = 0; i < attributes.Count; i++)
        {
            if (i > 0)
            {
                _writer.Write(", ");
            }

            _writer.Write(DotEscaping.Id(attributes[i].Key));
            _writer.Write('=');
            WriteValue(attributes[i].Value);
        }
    }

    private static string Written(DotTemplate template)
    {
        if (template.Written is null)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            var writer = new DotWriter(text, bufferSize: 256);
            writer.WriteAttributeList(template.Attributes);
            writer.Flush();
            template.Written = text.ToString();
        }

        return template.Written;
    }

    private void WriteEndpoint(string id, string? port)
    {
        _writer.Write(DotEscaping.Id(id));
        if (port is not null)
        {
            _writer.Write(':');
            _writer.Write(DotEscaping.Id(port));
        }
    }
}
