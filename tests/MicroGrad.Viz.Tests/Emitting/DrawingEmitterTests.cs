using MicroGrad.TestSupport;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Emitting;
using MicroGrad.Viz.Planning;

namespace MicroGrad.Viz.Tests.Emitting;

/// <summary>How the emitter names and joins nodes, worked out by hand for small graphs.</summary>
public sealed class DrawingEmitterTests
{
    private static DotGraph Emit(Value root, DrawingOptions? options = null) =>
        new DrawingEmitter(DrawingPlan.Create(root, options ?? new DrawingOptions())).Build();

    [Fact]
    public void Values_are_numbered_in_topological_order_and_each_operator_is_named_after_its_value()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var e = a * b;
        e.Label = "e";

        var graph = Emit(e);

        Assert.Equal(["v0", "v1", "v2", "v2_op"], graph.EnumerateNodes().Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal([("v0", "v2_op"), ("v1", "v2_op"), ("v2_op", "v2")], graph.Edges.Select(edge => (edge.From, edge.To)).Order().ToArray());
    }

    [Fact]
    public void A_value_used_twice_by_one_operation_gets_two_edges()
    {
        var a = new Value(3.0, "a");
        var y = a * a;
        y.Label = "y";

        var graph = Emit(y);

        Assert.Equal(2, graph.Edges.Count(edge => edge.From == "v0" && edge.To == "v1_op"));
    }

    [Fact]
    public void The_operands_of_a_subtraction_are_marked_first_and_second()
    {
        var a = new Value(5.0, "a");
        var b = new Value(2.0, "b");
        var d = a - b;
        d.Label = "d";

        var graph = Emit(d);

        var marks = graph.Edges.Where(edge => edge.To == "v2_op").ToDictionary(edge => edge.From, edge => edge.Attributes["headlabel"].Text, StringComparer.Ordinal);
        Assert.Equal("1", marks["v0"]);
        Assert.Equal("2", marks["v1"]);
    }

    [Fact]
    public void A_drawing_made_after_others_on_pooled_arrays_is_the_drawing_made_first()
    {
        // The plan and the emitter rent their arrays (from 4,096 values): what one drawing leaves in them must
        // never reach the next. The MLP is drawn small and inside a sum big enough to be pooled.
        var small = SampleGraphs.SmallMlp();
        var mlp = small + SampleGraphs.WideSum(2_500);
        Assert.True(mlp.TopologicalOrder().Count > 4_096);
        DrawingOptions[] views =
        [
            new(),
            new() { Modules = ModuleView.Clusters },
            new() { Modules = ModuleView.Collapsed, Focus = "x0", FocusDepth = 2 },
            new() { FoldConstants = true, CollapseChains = true, CollapseTerms = true, FanInThreshold = 2, ColorByGradient = true },
        ];
        var first = views.Select(v => (mlp.ToDot(v), DotWriter.ToDot(mlp.ToDotGraph(v)))).ToList();

        for (int round = 0; round < 3; round++)
        {
            foreach (var other in new[] { SampleGraphs.WideSum(3_000), small, SampleGraphs.Neuron(), SampleGraphs.Seed(backward: true) })
            {
                _ = other.ToDot(views[round % 2]); // the focus names a value only the MLP has
                _ = other.ToDrawing(views[3]);
            }

            Assert.Equal(first, views.Select(v => (mlp.ToDot(v), DotWriter.ToDot(mlp.ToDotGraph(v)))).ToList());
        }

        Assert.All(first, pair => Assert.Equal(pair.Item1, pair.Item2)); // streamed and modelled agree
    }
}
