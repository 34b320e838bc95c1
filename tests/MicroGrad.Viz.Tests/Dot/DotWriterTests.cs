using System.Text;
using MicroGrad.Viz.Dot;

namespace MicroGrad.Viz.Tests.Dot;

public class DotWriterTests
{
    [Fact]
    public void A_small_graph_is_written_in_model_order()
    {
        var graph = new DotGraph { Id = "my graph" };
        graph.GraphAttributes.Set("rankdir", "LR");
        graph.NodeDefaults.Set("shape", "box");
        graph.AddNode("a").Attributes.Set("label", "A \"quoted\" label");
        graph.AddNode("node").Attributes.Set("color", "#ff0000");
        graph.AddEdge("a", "node").Attributes.Set("penwidth", DotValue.FromNumber(1.5));

        Assert.Equal(
            "digraph \"my graph\" {\n" +
            "  graph [rankdir=LR];\n" +
            "  node [shape=box];\n" +
            "  a [label=\"A \\\"quoted\\\" label\"];\n" +
            "  \"node\" [color=\"#ff0000\"];\n" +
            "  a -> \"node\" [penwidth=\"1.5\"];\n" +
            "}\n",
            DotWriter.ToDot(graph));
    }

    [Fact]
    public void Undirected_strict_graphs_use_their_keywords_and_edge_operator()
    {
        var graph = new DotGraph { Directed = false, Strict = true };
        graph.AddEdge("x", "y");

        Assert.Equal("strict graph {\n  x -- y;\n}\n", graph.ToString());
    }

    [Fact]
    public void Record_labels_escape_field_text_and_keep_ports_and_groups()
    {
        var record = new DotRecord(
            DotRecordField.FromText("{label}", port: "name"),
            DotRecordField.FromGroup(DotRecordField.FromText("a|b"), DotRecordField.FromText("<c>")));
        var graph = new DotGraph();
        graph.AddNode("n").Attributes.Set("label", DotValue.FromRecord(record));

        Assert.Contains("n [label=\"<name>\\{label\\}|{a\\|b|\\<c\\>}\"];", graph.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Edges_can_attach_to_ports()
    {
        var graph = new DotGraph();
        graph.Edges.Add(new DotEdge("a", "b") { FromPort = "out", ToPort = "in put" });

        Assert.Contains("  a:out -> b:\"in put\";\n", graph.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_values_are_written_between_angle_brackets()
    {
        var graph = new DotGraph();
        graph.AddNode("n").Attributes.Set("label", DotValue.FromHtml("<b>" + DotEscaping.Html("x < y") + "</b>"));

        Assert.Contains("n [label=<<b>x &lt; y</b>>];", graph.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_an_attribute_again_keeps_its_position()
    {
        var attributes = new DotAttributes().Set("a", "1").Set("b", "2").Set("a", "3");

        Assert.Equal(["a", "b"], attributes.Select(a => a.Key));
        Assert.Equal("3", attributes["a"].Text);
        Assert.True(attributes.Remove("a"));
        Assert.False(attributes.TryGetValue("a", out _));
        Assert.Throws<KeyNotFoundException>(() => attributes["a"]);
    }

    [Fact]
    public void Long_strings_are_split_into_concatenated_pieces_without_breaking_escapes()
    {
        string text = string.Concat(Enumerable.Repeat("\\😀\"x{", 3000));
        var graph = new DotGraph();
        graph.AddNode("n").Attributes.Set("label", DotValue.FromRecord(new DotRecord(DotRecordField.FromText(text))));

        string dot = graph.ToString();
        string label = dot[(dot.IndexOf("label=", StringComparison.Ordinal) + 6)..dot.LastIndexOf(']')];
        string[] pieces = label.Split("\" + \"");

        Assert.True(pieces.Length > 1);
        foreach (var piece in pieces)
        {
            string content = piece.Trim('"');
            Assert.True(content.Length <= DotEscaping.MaxQuotedChunkLength);
            Assert.False(char.IsHighSurrogate(content[^1]));
            int trailingBackslashes = content.Length - content.TrimEnd('\\').Length;
            Assert.True(trailingBackslashes % 2 == 0, "a piece ends inside an escape");
        }

        Assert.Equal(text, GraphvizRecordReader.ReadField(string.Concat(pieces.Select(p => p.Trim('"')))));
    }

    [Fact]
    public void Streams_get_utf8_without_a_byte_order_mark()
    {
        var graph = new DotGraph();
        graph.AddNode("n").Attributes.Set("label", "é😀");
        using var stream = new MemoryStream();

        DotWriter.Write(graph, stream);

        byte[] bytes = stream.ToArray();
        Assert.Equal((byte)'d', bytes[0]);
        Assert.Equal(graph.ToString(), new UTF8Encoding(false, true).GetString(bytes));
    }

    [Fact]
    public void Bad_model_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new DotNode(string.Empty));
        Assert.Throws<ArgumentNullException>(() => new DotEdge(null!, "b"));
        Assert.Throws<ArgumentException>(() => new DotRecord());
        Assert.Throws<ArgumentOutOfRangeException>(() => DotValue.FromNumber(double.NaN));
        Assert.Throws<ArgumentException>(() => new DotAttributes().Set(string.Empty, "x"));
    }
}

public sealed class DotWriterStatementTests
{
    // A drawing sent statement by statement, as the library's drawings are, to either sink.
    private static void Send(IDotSink sink, string longLabel)
    {
        var header = new DotGraph();
        header.GraphAttributes.Set("rankdir", "LR");
        header.NodeDefaults.Set("shape", "record");
        sink.BeginGraph(header);

        var look = new DotAttributes();
        look.Set("style", "filled");
        look.Set("fillcolor", "#dbeafe");
        var template = new DotTemplate(look);
        var style = new DotAttributes();
        style.Set("fillcolor", new string('f', 9_000));
        var record = new DotRecordBuffer();
        record.Clear(grouped: true);
        record.Add(longLabel);
        var room = record.Reserve(16);
        "data 2.0000".CopyTo(room);
        record.Commit("data 2.0000".Length, plain: true);
        sink.RecordNode(new NumberedId("v", 0), record, "data 2\ngrad 0\nleaf", template);

        var op = new DotAttributes();
        op.Set("label", "*");
        sink.Node(new NumberedId("v", 1, "_op"), new DotTemplate(op));

        var box = new DotAttributes();
        box.Set("label", "layer0");
        sink.BeginSubgraph("cluster_0", box);
        record.Clear(grouped: false);
        record.Add("w|0");
        sink.RecordNode(new NumberedId("v", 2), record, null, new DotTemplate(new DotAttributes()));
        sink.BeginSubgraph("cluster_1", new DotAttributes());
        sink.Node(new NumberedId("m", 0), box);
        sink.EndSubgraph();
        sink.EndSubgraph();

        var mark = new DotAttributes();
        mark.Set("headlabel", "1");
        sink.Edge(new NumberedId("v", 0), new NumberedId("v", 1, "_op"), new DotTemplate(mark));
        sink.Edge(new NumberedId("v", 1, "_op"), new NumberedId("v", 12345), null);
        sink.EndGraph();
    }

    private static string Streamed(string longLabel)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Send(new DotWriter(text), longLabel);
        return text.ToString();
    }

    private static string Modelled(string longLabel)
    {
        var builder = new DotGraphBuilder();
        Send(builder, longLabel);
        return DotWriter.ToDot(builder.Graph);
    }

    [Fact]
    public void Streamed_statements_are_written_in_dot_order_with_nesting_and_shared_attributes()
    {
        Assert.Equal(
            "digraph {\n" +
            "  graph [rankdir=LR];\n" +
            "  node [shape=record];\n" +
            "  v0 [label=\"{x|data 2.0000}\", tooltip=\"data 2\\ngrad 0\\nleaf\", style=filled, fillcolor=\"#dbeafe\"];\n" +
            "  v1_op [label=\"*\"];\n" +
            "  subgraph cluster_0 {\n" +
            "    graph [label=layer0];\n" +
            "    v2 [label=\"w\\|0\"];\n" +
            "    subgraph cluster_1 {\n" +
            "      m0 [label=layer0];\n" +
            "    }\n" +
            "  }\n" +
            "  v0 -> v1_op [headlabel=\"1\"];\n" +
            "  v1_op -> v12345;\n" +
            "}\n",
            Streamed("x"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4085)] // the number field straddles the 4,096-character piece of a quoted string
    [InlineData(4096)]
    [InlineData(9000)] // longer than the writer's buffer
    public void The_stream_writes_the_bytes_of_the_model_it_would_build(int labelLength)
    {
        string label = string.Concat(Enumerable.Range(0, labelLength).Select(i => i % 7 == 0 ? '|' : (char)('a' + (i % 26))));
        Assert.Equal(Modelled(label), Streamed(label));
    }

    [Fact]
    public void A_template_written_once_gives_the_same_text_in_later_writers()
    {
        var look = new DotAttributes();
        look.Set("color", "#7c3aed");
        look.Set("label", "a b");
        var template = new DotTemplate(look);
        string Write()
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            IDotSink sink = new DotWriter(text);
            sink.BeginGraph(new DotGraph());
            sink.Node(new NumberedId("v", 7), template);
            sink.EndGraph();
            return text.ToString();
        }

        string first = Write();
        Assert.Equal("digraph {\n  v7 [color=\"#7c3aed\", label=\"a b\"];\n}\n", first);
        Assert.Equal(first, Write());
    }
}

public sealed class NumberedIdTests
{
    [Theory]
    [InlineData("v", 0, "", "v0")]
    [InlineData("v", 9, "_op", "v9_op")]
    [InlineData("g", 10, "", "g10")]
    [InlineData("m", 99, "", "m99")]
    [InlineData("v", 65813, "_op", "v65813_op")]
    [InlineData("s", int.MaxValue, "", "s2147483647")]
    public void An_id_is_written_as_its_prefix_digits_and_suffix(string prefix, int number, string suffix, string expected)
    {
        var id = new NumberedId(prefix, number, suffix);
        Span<char> buffer = stackalloc char[id.MaxLength];
        Assert.Equal(expected, new string(buffer[..id.WriteTo(buffer)]));
        Assert.Equal(expected, id.ToString());
    }
}

public sealed class DotWriterLongLineTests
{
    [Fact]
    public void A_line_longer_than_the_writers_buffer_is_written_whole_and_split_as_the_model_splits_it()
    {
        // An operator label of 20,000 characters (a sum with many folded constants can have one) and a
        // style longer than the buffer: the one-piece lines must make room, not run past it.
        var look = new DotAttributes();
        look.Set("label", string.Concat(Enumerable.Repeat("+ 1.5 ", 3_400)));
        look.Set("fillcolor", new string('f', 9_000));
        var template = new DotTemplate(look);
        var style = new DotAttributes();
        style.Set("fillcolor", new string('f', 9_000));
        var record = new DotRecordBuffer();
        record.Clear(grouped: false);
        record.Add("x");

        void Send(IDotSink sink)
        {
            sink.BeginGraph(new DotGraph());
            sink.Node(new NumberedId("v", 1, "_op"), template);
            sink.RecordNode(new NumberedId("v", 2), record, null, new DotTemplate(style));
            sink.EndGraph();
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Send(new DotWriter(text));
        var builder = new DotGraphBuilder();
        Send(builder);

        Assert.Equal(DotWriter.ToDot(builder.Graph), text.ToString());
        Assert.Contains("\" + \"", text.ToString(), StringComparison.Ordinal); // the label was split into pieces
    }
}
