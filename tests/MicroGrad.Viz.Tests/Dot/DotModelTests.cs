using System.Text;
using MicroGrad.Viz.Dot;

namespace MicroGrad.Viz.Tests.Dot;

/// <summary>The DOT object model's contracts: guards, equality, attribute order, node enumeration, and the writer's edges.</summary>
public class DotModelTests
{
    [Fact]
    public void A_record_needs_fields()
    {
        Assert.Equal("fields", Assert.Throws<ArgumentNullException>(() => new DotRecord(null!)).ParamName);
        var empty = Assert.Throws<ArgumentException>(() => new DotRecord());
        Assert.Equal("fields", empty.ParamName);
        Assert.StartsWith("A record needs at least one field.", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_are_equal_by_their_fields()
    {
        var ab = new DotRecord(DotRecordField.FromText("a"), DotRecordField.FromText("b"));
        var same = new DotRecord(DotRecordField.FromText("a"), DotRecordField.FromText("b"));
        var other = new DotRecord(DotRecordField.FromText("a"), DotRecordField.FromText("c"));

        Assert.True(ab.Equals(same));
        Assert.Equal(ab.GetHashCode(), same.GetHashCode());
        Assert.False(ab.Equals(other));
        Assert.False(ab.Equals(null));

        // The hash depends on the fields: ten different records do not all share one hash code.
        var hashes = Enumerable.Range(0, 10).Select(i => new DotRecord(DotRecordField.FromText($"field {i}")).GetHashCode()).Distinct();
        Assert.True(hashes.Count() > 1);
    }

    [Fact]
    public void A_subgraph_needs_an_id()
    {
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => new DotSubgraph(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new DotSubgraph(string.Empty)).ParamName);
    }

    [Fact]
    public void Values_are_equal_by_kind_and_content()
    {
        var text = DotValue.FromText("x");
        var record = DotValue.FromRecord(new DotRecord(DotRecordField.FromText("x")));

        Assert.True(text == DotValue.FromText("x"));
        Assert.False(text != DotValue.FromText("x"));
        Assert.True(text != DotValue.FromText("y"));
        Assert.True(text != DotValue.FromHtml("x"));          // same text, another kind
        Assert.True(record == DotValue.FromRecord(new DotRecord(DotRecordField.FromText("x"))));
        Assert.True(record != DotValue.FromRecord(new DotRecord(DotRecordField.FromText("y"))));
        Assert.False(text.Equals((object)"x"));
    }

    [Fact]
    public void Numbers_must_be_finite()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DotValue.FromNumber(double.NaN));

        Assert.Equal("number", error.ParamName);
        Assert.StartsWith("DOT attribute numbers must be finite.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_say_which_name_is_missing_and_remove_by_name()
    {
        var attributes = new DotAttributes().Set("label", "x").Set("color", "red");

        Assert.Equal("Attribute 'shape' is not set.", Assert.Throws<KeyNotFoundException>(() => attributes["shape"]).Message);
        Assert.False(attributes.Remove("shape"));
        Assert.True(attributes.Remove("label"));   // the first one
        Assert.Equal(["color"], attributes.Select(a => a.Key));
        Assert.False(attributes.Remove("label"));
    }

    [Fact]
    public void Nodes_are_enumerated_top_level_first_then_subgraphs_depth_first_in_writing_order()
    {
        var graph = new DotGraph();
        graph.AddNode("top");
        var first = new DotSubgraph("first");
        first.Nodes.Add(new DotNode("f1"));
        var inner = new DotSubgraph("inner");
        inner.Nodes.Add(new DotNode("i1"));
        var innermost = new DotSubgraph("innermost");
        innermost.Nodes.Add(new DotNode("ii1"));
        inner.Subgraphs.Add(innermost);
        var second = new DotSubgraph("second");
        second.Nodes.Add(new DotNode("s1"));
        first.Subgraphs.Add(inner);
        first.Subgraphs.Add(second);
        var last = new DotSubgraph("last");
        last.Nodes.Add(new DotNode("l1"));
        graph.Subgraphs.Add(first);
        graph.Subgraphs.Add(last);

        Assert.Equal(["top", "f1", "i1", "ii1", "s1", "l1"], graph.EnumerateNodes().Select(n => n.Id));
        Assert.Equal(6, graph.NodeCount);
    }

    [Fact]
    public void Escaping_refuses_null_text()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => DotEscaping.Quoted(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => DotEscaping.RecordField(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => DotEscaping.Html(null!)).ParamName);
    }

    [Fact]
    public void Writing_to_a_stream_leaves_it_open_and_refuses_none()
    {
        var graph = new DotGraph();
        graph.AddNode("a");
        using var stream = new MemoryStream();

        DotWriter.Write(graph, stream);
        stream.WriteByte((byte)'#'); // still open

        Assert.Equal("digraph {\n  a;\n}\n#", Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => DotWriter.Write(graph, (Stream)null!)).ParamName);
    }

    [Fact]
    public void A_subgraph_without_attributes_writes_no_graph_line()
    {
        var graph = new DotGraph();
        var subgraph = new DotSubgraph("cluster_0");
        subgraph.Nodes.Add(new DotNode("a"));
        graph.Subgraphs.Add(subgraph);

        Assert.Equal("digraph {\n  subgraph cluster_0 {\n    a;\n  }\n}\n", graph.ToString());
    }

    [Fact]
    public void A_default_value_is_written_as_empty_text()
    {
        var graph = new DotGraph();
        graph.AddNode("a").Attributes.Set("label", default(DotValue));

        Assert.Equal("digraph {\n  a [label=\"\"];\n}\n", graph.ToString());
    }

    [Fact]
    public void Record_ports_are_escaped_as_field_text()
    {
        var graph = new DotGraph();
        graph.AddNode("n").Attributes.Set("label", DotValue.FromRecord(new DotRecord(DotRecordField.FromText("x", port: "p|q"))));

        Assert.Contains("n [label=\"<p\\|q>x\"];", graph.ToString(), StringComparison.Ordinal);
    }
}
