using MicroGrad.TestSupport;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Drawing;

namespace MicroGrad.Viz.Tests.Drawing;

/// <summary>What a tool building on a drawing gets: the views as applied, and the node of each value.</summary>
public sealed class DrawnGraphTests
{
    [Fact]
    public void A_small_graph_gets_no_automatic_view_and_each_value_its_node()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var e = a * b;
        e.Label = "e";

        var drawn = e.ToDrawing();

        // Three values, under every automatic threshold (200 values, 1,000 for modules, 2,000 nodes for tooltips).
        Assert.Equal(false, drawn.Views.FoldConstants);
        Assert.Equal(false, drawn.Views.CollapseChains);
        Assert.Equal(ModuleView.None, drawn.Views.Modules);
        Assert.Equal(true, drawn.Views.Tooltips);
        Assert.Equal("v0", drawn.NodeIds[a]);
        Assert.Equal("v1", drawn.NodeIds[b]);
        Assert.Equal("v2", drawn.NodeIds[e]);
        Assert.Equal("v2_op", drawn.OperatorIds[e]);
        Assert.False(drawn.OperatorIds.ContainsKey(a));
        Assert.Equal(e.ToDot(), DotWriter.ToDot(drawn.Graph));
    }

    [Fact]
    public void A_wide_sum_gets_the_big_graph_views_and_its_hidden_values_no_node()
    {
        var sum = SampleGraphs.WideSum(300);

        var drawn = sum.ToDrawing();

        // 1,199 values (600 leaves, 300 products, 299 partial sums): over 200, so folds, chains and terms are on.
        Assert.Equal(true, drawn.Views.FoldConstants);
        Assert.Equal(true, drawn.Views.CollapseChains);
        Assert.Equal(true, drawn.Views.CollapseTerms);
        Assert.Contains(sum, drawn.NodeIds.Keys);
        Assert.True(drawn.NodeIds.Count < 10, $"{drawn.NodeIds.Count} values kept a node of their own");
    }
}
