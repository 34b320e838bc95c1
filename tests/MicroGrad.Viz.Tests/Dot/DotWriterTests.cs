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
