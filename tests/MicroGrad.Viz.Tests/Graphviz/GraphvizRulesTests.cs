using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Tests.Graphviz;

public sealed class GraphvizRulesTests
{
    [Theory]
    [InlineData("Error: syntax error in line 1 near '}'")]
    [InlineData("Warning: foo is not a known color.\nError: mismatched tag in line 1")]
    [InlineData("  Error: indented")]
    public void A_line_that_begins_with_Error_is_an_error(string messages) => Assert.True(GraphvizRules.HasError(messages));

    [Theory]
    [InlineData("")]
    [InlineData("Warning: foo is not a known color.")]
    [InlineData("Warning: the label mentions Error: inside")]
    [InlineData("error: lower case is not Graphviz's prefix")]
    public void Warnings_and_other_text_are_not_errors(string messages) => Assert.False(GraphvizRules.HasError(messages));

    [Theory]
    [InlineData("digraph { a -> b }")]
    [InlineData("digraph { a -> b }\n")]
    [InlineData("digraph { a -> b } // done\n/* a comment\n over lines */\n# a preprocessor line\n")]
    [InlineData("digraph { a [label=\"}\"] b [label=\"\\\"}\"] }")]
    [InlineData("digraph { a [label=<<b>}</b>>] }")]
    [InlineData("strict digraph G { subgraph cluster_0 { subgraph { a } } }")]
    [InlineData("digraph { a -> ")] // unfinished: Graphviz reports that itself
    [InlineData("")]
    public void One_graph_with_nothing_after_it_passes(string dot) => Assert.Null(GraphvizRules.FindTextAfterGraph(dot));

    [Theory]
    [InlineData("digraph { a -> b } }", "Error: syntax error in line 1 near '}': text after the end of the graph.")]
    [InlineData("digraph {\n a -> b\n}\nx", "Error: syntax error in line 4 near 'x': text after the end of the graph.")]
    [InlineData("digraph { a [label=\"x\ny\"] }\n;", "Error: syntax error in line 3 near ';': text after the end of the graph.")]
    [InlineData("graph a { } graph {", "Error: the input holds more than one graph (the next begins in line 1 near 'graph'); one rendering draws one graph.")]
    [InlineData("digraph {a}\n/* c */ STRICT digraph {b}", "Error: the input holds more than one graph (the next begins in line 2 near 'STRICT'); one rendering draws one graph.")]
    [InlineData("digraph {a} graphs", "Error: syntax error in line 1 near 'graphs': text after the end of the graph.")]
    public void Text_or_a_second_graph_after_the_first_is_an_error_with_its_line(string dot, string expected) =>
        Assert.Equal(expected, GraphvizRules.FindTextAfterGraph(dot));

    [Fact]
    public void Nesting_ten_thousand_deep_is_scanned_without_recursion()
    {
        string deep = "digraph { " + string.Concat(Enumerable.Repeat("subgraph { ", 10_000)) + "a" + new string('}', 10_000) + " }";

        Assert.Null(GraphvizRules.FindTextAfterGraph(deep));
        Assert.NotNull(GraphvizRules.FindTextAfterGraph(deep + "}"));
    }
}
