using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Text;

namespace MicroGrad.Viz.Emitting;

/// <summary>
/// Where <see cref="DrawingEmitter"/> puts nodes and edges: into a <see cref="DotGraph"/> model,
/// or straight out as text. The builder sets a node's attributes right after adding it.
/// </summary>
internal abstract class DotSink
{
    /// <summary>Adds a node, to <paramref name="cluster"/> when given; the caller fills in its attributes.</summary>
    public abstract DotNode AddNode(DotSubgraph? cluster, string id);

    public abstract void AddEdge(string from, string to);

    /// <summary>An edge into an operator whose operands are not interchangeable, marked with the operand's place (1 or 2).</summary>
    public abstract void AddOperandEdge(string from, string to, int place);

    /// <summary>
    /// Writes a value's record node styled by <paramref name="style"/> straight to the output, when
    /// the sink streams; false means the caller builds the node with <see cref="AddNode"/>.
    /// </summary>
    public virtual bool TryWriteValueNode(string id, Value value, NodeStyle style, bool tooltip) => false;

    /// <summary>Writes an operator node straight to the output, when the sink streams.</summary>
    public virtual bool TryWriteOperatorNode(string id, string label) => false;

    /// <summary>Builds the model <see cref="DotDrawing.ToDotGraph"/> returns.</summary>
    public sealed class Model(DotGraph graph) : DotSink
    {
        public override DotNode AddNode(DotSubgraph? cluster, string id)
        {
            var node = new DotNode(id);
            (cluster?.Nodes ?? graph.Nodes).Add(node);
            return node;
        }

        public override void AddEdge(string from, string to) => graph.AddEdge(from, to);

        public override void AddOperandEdge(string from, string to, int place) =>
            DotDrawing.MarkOperand(graph.AddEdge(from, to).Attributes, place);
    }

    /// <summary>
    /// Writes nodes as soon as they are complete and keeps only the edges (two strings each), so a
    /// big graph is never held as a model: the text is the same as the model's, byte for byte.
    /// </summary>
    /// <summary>
    /// Writes each node as soon as it is complete and keeps only the edges. Value and operator
    /// nodes, tens of thousands in a big graph, skip the DOT model: their attribute tails (style,
    /// shape, operator label) are rendered once through <see cref="DotWriter"/> and reused, and
    /// numbers are formatted into a buffer; a property test checks the bytes equal the model's.
    /// </summary>
    public sealed class Stream(TextWriter writer, DotGraph header, int expectedEdges, DrawingOptions options) : DotSink
    {
        private readonly List<(string From, string To, int Place)> _edges = new(expectedEdges);
        private readonly Dictionary<NodeStyle, string> _valueTails = [];
        private readonly Dictionary<string, string> _operatorTails = new(StringComparer.Ordinal);
        private readonly bool _leftToRight = options.Direction == RankDirection.LeftToRight;
        private DotNode? _pending;
        private DotNode? _scratch;
        private bool _started;

        public override bool TryWriteValueNode(string id, Value value, NodeStyle style, bool tooltip)
        {
            Flush();
            if (!_valueTails.TryGetValue(style, out var tail))
            {
                var attributes = new DotAttributes();
                DotDrawing.ApplyStyle(attributes, style);
                tail = Tail(attributes, leadingComma: true);
                _valueTails.Add(style, tail);
            }

            writer.Write("  ");
            writer.Write(id); // the builder's ids (v12, v12_op, m0, p0, s0) are bare DOT identifiers
            writer.Write(" [label=");
            var quoted = new QuotedWriter(writer);
            if (_leftToRight)
            {
                quoted.Raw("{");
            }

            bool first = true;
            if (options.Fields.HasFlag(ValueFields.Label) && value.Label is { } label)
            {
                quoted.Text(label, record: true);
                first = false;
            }

            if (options.Fields.HasFlag(ValueFields.Data))
            {
                WriteNumber(ref quoted, "data ", value.Data, ref first);
            }

            if (options.Fields.HasFlag(ValueFields.Grad))
            {
                WriteNumber(ref quoted, "grad ", value.Grad, ref first);
            }

            if (_leftToRight)
            {
                quoted.Raw("}");
            }

            quoted.End();
            if (tooltip)
            {
                WriteTooltip(value);
            }

            writer.Write(tail);
            return true;
        }

        public override bool TryWriteOperatorNode(string id, string label)
        {
            Flush();
            if (!_operatorTails.TryGetValue(label, out var tail))
            {
                var attributes = new DotAttributes();
                attributes.Set("label", label);
                attributes.Set("shape", "ellipse");
                DotDrawing.ApplyStyle(attributes, options.OperatorStyle);
                tail = Tail(attributes, leadingComma: false);
                _operatorTails.Add(label, tail);
            }

            writer.Write("  ");
            writer.Write(id);
            writer.Write(tail);
            return true;
        }

        /// <summary>
        /// <c>, tooltip="…"</c> as the model writes <see cref="DotDrawing.Tooltip"/>: formatted in
        /// place when nothing in it needs escaping but its line breaks (the usual case), else through
        /// <see cref="QuotedWriter"/>.
        /// </summary>
        private void WriteTooltip(Value value)
        {
            Span<char> buffer = stackalloc char[256];
            int n = 0;
            string? path = value.Scope?.Path;
            if ((path is null || !DotEscaping.NeedsEscaping(path, record: false))
                && !DotEscaping.NeedsEscaping(value.Op, record: false)
                && Append(buffer, ref n, ", tooltip=\"data ")
                && AppendNumber(buffer, ref n, value.Data)
                && Append(buffer, ref n, "\\ngrad ")
                && AppendNumber(buffer, ref n, value.Grad)
                && Append(buffer, ref n, "\\n")
                && (value.Op.Length > 0 ? Append(buffer, ref n, "op ") && Append(buffer, ref n, value.Op) : Append(buffer, ref n, value.IsConstant ? "constant" : "leaf"))
                && (path is null || (Append(buffer, ref n, "\\nin ") && Append(buffer, ref n, path)))
                && Append(buffer, ref n, "\""))
            {
                writer.Write(buffer[..n]);
                return;
            }

            writer.Write(", tooltip=");
            var tooltip = new QuotedWriter(writer);
            tooltip.Text(DotDrawing.Tooltip(value), record: false);
            tooltip.End();
        }

        private static bool Append(Span<char> buffer, ref int n, string text)
        {
            if (!text.AsSpan().TryCopyTo(buffer[n..]))
            {
                return false;
            }

            n += text.Length;
            return true;
        }

        private static bool AppendNumber(Span<char> buffer, ref int n, double number)
        {
            if (!double.IsFinite(number))
            {
                return Append(buffer, ref n, NumberText.Format(number, 0, roundTrip: true));
            }

            if (!number.TryFormat(buffer[n..], out int written, "R", System.Globalization.CultureInfo.InvariantCulture))
            {
                return false;
            }

            n += written;
            return true;
        }

        private void WriteNumber(ref QuotedWriter quoted, string prefix, double number, ref bool first)
        {
            if (!first)
            {
                quoted.Raw("|");
            }

            first = false;
            Span<char> buffer = stackalloc char[64];
            if (NumberText.TryWriteField(buffer, prefix, number, options.Precision, options.RoundTrip, out int written))
            {
                quoted.Plain(buffer[..written]);
            }
            else
            {
                quoted.Text(NumberText.Field(prefix, number, options.Precision, options.RoundTrip), record: true);
            }
        }

        /// <summary>What <see cref="DotWriter"/> writes after an operand edge's ends, rendered once per place.</summary>
        private static string Mark(int place)
        {
            var attributes = new DotAttributes();
            DotDrawing.MarkOperand(attributes, place);
            return Written(attributes);
        }

        /// <summary>The attribute list <see cref="DotWriter"/> writes for these attributes: <c> [a=1, b=2]</c>, or nothing.</summary>
        private static string Written(DotAttributes attributes)
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            DotWriter.WriteAttributes(text, attributes);
            return text.ToString();
        }

        /// <summary>
        /// What <see cref="DotWriter"/> writes after a node's id (or, with <paramref name="leadingComma"/>,
        /// after its label) for these attributes, up to the end of the line.
        /// </summary>
        private static string Tail(DotAttributes attributes, bool leadingComma)
        {
            string written = Written(attributes);
            return leadingComma
                ? (written.Length == 0 ? "]" : ", " + written[2..]) + ";\n"
                : written + ";\n";
        }

        public override DotNode AddNode(DotSubgraph? cluster, string id)
        {
            if (cluster is not null)
            {
                throw new InvalidOperationException("Clusters need the DOT model; stream only graphs without them.");
            }

            Flush();

            // One node object serves them all: each is written before the next one is started.
            if (_scratch is null)
            {
                _scratch = new DotNode(id);
            }
            else
            {
                _scratch.Reset(id);
            }

            _pending = _scratch;
            return _pending;
        }

        public override void AddEdge(string from, string to) => _edges.Add((from, to, 0));

        public override void AddOperandEdge(string from, string to, int place) => _edges.Add((from, to, place));

        public void Finish()
        {
            Flush();
            string?[] marks = new string?[3];
            foreach (var (from, to, place) in _edges)
            {
                // Bare ids (see above): no escaping to look for.
                DotWriter.WriteBareEdge(writer, header.Directed, from, to, place > 0 ? marks[place] ??= Mark(place) : null);
            }

            writer.Write("}\n");
        }

        private void Flush()
        {
            if (!_started)
            {
                DotWriter.WriteHeader(header, writer);
                _started = true;
            }

            if (_pending is not null)
            {
                DotWriter.WriteNode(writer, _pending, "  ");
                _pending = null;
            }
        }
    }
}
