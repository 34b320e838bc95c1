using System.Globalization;
using MicroGrad.Nn;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Tests;

/// <summary>
/// What a drawing tells a reader beyond the numbers: which operand is which, whose parameter a value
/// is, how a very wide operation is summarised, and modules in the order they ran. Checked on the
/// seed, the lecture's neuron with exp, a small MLP and a 300-term sum of products.
/// </summary>
public class ExplainingTests
{
    private const string Marks = "labelfontsize=\"10\", labeldistance=\"1.5\"";

    /// <summary>Each edge that carries an operand mark, as "source's first record field -> operator label : place".</summary>
    private static List<string> MarkedEdges(DotGraph graph)
    {
        var nodes = graph.EnumerateNodes().ToDictionary(n => n.Id, StringComparer.Ordinal);
        return graph.Edges
            .Where(e => e.Attributes.TryGetValue("headlabel", out _))
            .Select(e => $"{FirstField(nodes[e.From])} -> {nodes[e.To].Attributes["label"].Text} : {e.Attributes["headlabel"].Text}")
            .ToList();
    }

    private static string FirstField(DotNode node)
    {
        var record = node.Attributes["label"].Record!;
        return (record.Fields[0].Group?.Fields[0] ?? record.Fields[0]).Text!;
    }

    // The tooltip names a value's operation, or says it is a leaf.
    private static bool IsLeaf(DotNode node) => node.Attributes.TryGetValue("tooltip", out var t) && t.Text!.EndsWith("\nleaf", StringComparison.Ordinal);

    private static IEnumerable<DotNode> Leaves(DotGraph graph) => graph.EnumerateNodes().Where(IsLeaf);

    [Fact]
    public void The_seed_has_no_ordered_operation_and_no_mark()
    {
        var graph = (SampleGraphs.Seed(backward: true)).ToDotGraph();

        Assert.Empty(MarkedEdges(graph));
        Assert.DoesNotContain("headlabel", DotWriter.ToDot(graph), StringComparison.Ordinal);
    }

    [Fact]
    public void The_neuron_with_exp_marks_both_operands_of_its_difference_and_its_quotient()
    {
        var graph = (SampleGraphs.NeuronWithExp()).ToDotGraph();

        // By hand: e - 1 takes e first and the constant 1 second; (e - 1) / (e + 1) takes 4.8284 first and 6.8284 second.
        Assert.Equal(
            ["e -> - : 1", "data 1.0000 -> - : 2", "data 4.8284 -> / : 1", "data 6.8284 -> / : 2"],
            MarkedEdges(graph));
    }

    [Fact]
    public void The_small_mlp_marks_the_difference_in_its_loss_and_nothing_else()
    {
        var graph = (SampleGraphs.SmallMlp()).ToDotGraph();

        // loss = (score - 1) ** 2: the score (0.4330, the output neuron's sum) is operand 1. The power
        // takes a number, not a value, so it has one input edge and no mark.
        Assert.Equal(["data 0.4330 -> - : 1", "data 1.0000 -> - : 2"], MarkedEdges(graph));
    }

    [Fact]
    public void The_wide_sum_has_only_commutative_operations_and_no_mark()
    {
        Assert.DoesNotContain("headlabel", SampleGraphs.WideSum().ToDot(), StringComparison.Ordinal);
        Assert.DoesNotContain("headlabel", SampleGraphs.WideSum().ToDot(new DrawingOptions { GroupFanIn = false, CollapseChains = false }), StringComparison.Ordinal);
    }

    [Fact]
    public void Marks_are_the_same_in_every_view()
    {
        foreach (var options in new DrawingOptions[]
        {
            new() { ColorByGradient = true },
            new() { Direction = RankDirection.TopToBottom },
            new() { Modules = ModuleView.Clusters },
            new() { CollapseChains = true, CollapseTerms = true },
        })
        {
            var graph = (SampleGraphs.NeuronWithExp()).ToDotGraph(options);
            Assert.Equal(["e -> - : 1", "data 1.0000 -> - : 2", "data 4.8284 -> / : 1", "data 6.8284 -> / : 2"], MarkedEdges(graph));
        }

        var streamed = SampleGraphs.NeuronWithExp().ToDot();
        Assert.Equal(4, streamed.Split(Marks).Length - 1);
    }

    [Fact]
    public void Lecture_pictures_keep_their_own_labels()
    {
        Assert.Equal(["a", "b", "c", "f"], Leaves((SampleGraphs.Seed(backward: true)).ToDotGraph()).Select(FirstField).Order(StringComparer.Ordinal));
        Assert.Equal(["b", "w1", "w2", "x1", "x2"], Leaves((SampleGraphs.NeuronWithExp()).ToDotGraph()).Select(FirstField).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_mlp_parameter_says_which_neuron_it_belongs_to()
    {
        var graph = (SampleGraphs.SmallMlp()).ToDotGraph();

        // Mlp(2, 3, 1): three neurons of two weights and a bias, then one of three weights and a bias.
        Assert.Equal(
            [
                "layer0.neuron0.b", "layer0.neuron0.w0", "layer0.neuron0.w1",
                "layer0.neuron1.b", "layer0.neuron1.w0", "layer0.neuron1.w1",
                "layer0.neuron2.b", "layer0.neuron2.w0", "layer0.neuron2.w1",
                "layer1.neuron0.b", "layer1.neuron0.w0", "layer1.neuron0.w1", "layer1.neuron0.w2",
                "x0", "x1",
            ],
            Leaves(graph).Select(FirstField).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void In_clusters_a_parameter_sits_in_its_neurons_box_under_its_short_name()
    {
        var graph = (SampleGraphs.SmallMlp()).ToDotGraph(new DrawingOptions { Modules = ModuleView.Clusters });

        string Box(DotSubgraph cluster) => cluster.Attributes["label"].Text!;
        var boxes = graph.Subgraphs.SelectMany(layer => layer.Subgraphs.Select(neuron => (Path: Box(layer) + "." + Box(neuron), Neuron: neuron)));
        var leaves = boxes.ToDictionary(
            b => b.Path,
            b => string.Join(" ", b.Neuron.Nodes.Where(IsLeaf).Select(FirstField).Order(StringComparer.Ordinal)),
            StringComparer.Ordinal);

        Assert.Equal(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["layer0.neuron0"] = "b w0 w1",
                ["layer0.neuron1"] = "b w0 w1",
                ["layer0.neuron2"] = "b w0 w1",
                ["layer1.neuron0"] = "b w0 w1 w2",
            },
            leaves);
    }

    [Fact]
    public void Clusters_come_in_the_order_modules_ran_and_are_numbered_from_the_top_down()
    {
        var mlp = new Mlp(2, 3, 3, 1);
        var score = mlp.Forward([new Value(0.5, "x0"), new Value(-1.0, "x1")])[0];
        score.Backward();

        foreach (var direction in new[] { RankDirection.LeftToRight, RankDirection.TopToBottom })
        {
            string dot = score.ToDot(new DrawingOptions { Modules = ModuleView.Clusters, Direction = direction });
            var opened = System.Text.RegularExpressions.Regex.Matches(dot, @"subgraph (cluster_\d+) \{\n\s*graph \[label=(\w+),")
                .Select(m => m.Groups[1].Value + " " + m.Groups[2].Value);

            Assert.Equal(
                [
                    "cluster_0 layer0", "cluster_1 neuron0", "cluster_2 neuron1", "cluster_3 neuron2",
                    "cluster_4 layer1", "cluster_5 neuron0", "cluster_6 neuron1", "cluster_7 neuron2",
                    "cluster_8 layer2", "cluster_9 neuron0",
                ],
                opened);
        }
    }

    [Fact]
    public void Graphs_without_modules_have_no_clusters_even_when_asked()
    {
        foreach (var root in new[] { SampleGraphs.Seed(backward: true), SampleGraphs.NeuronWithExp(), SampleGraphs.WideSum() })
        {
            var graph = root.ToDotGraph(new DrawingOptions { Modules = ModuleView.Clusters });
            Assert.Empty(graph.Subgraphs);
            Assert.Equal(DotWriter.ToDot(root.ToDotGraph()), DotWriter.ToDot(graph));
        }
    }

    [Fact]
    public void The_wide_sum_draws_its_six_hundred_inputs_as_one_counted_node()
    {
        // Written by hand from a_i = i, b_i = 1: data of the inputs 0 … 299 (the a's) and 1 (the b's),
        // grads 1 (the a's) and 0 … 299 (the b's); L = 44,850.
        const string expected = """
            digraph {
              graph [rankdir=LR, fontname=Helvetica, overlap=scalexy];
              node [shape=record, fontname=Helvetica];
              edge [fontname=Helvetica];
              g0 [label="{600 inputs|a0 … b299|data 0.0000 … 299.0000|grad 0.0000 … 299.0000}", style="filled,dashed", fillcolor="#dbeafe", color="#1e3a8a"];
              v0 [label="{L|data 44850.0000|grad 1.0000}", tooltip="data 44850\ngrad 1\nop +", style=filled, fillcolor="#dcfce7", color="#166534", penwidth="2"];
              v0_op [label="Σ (300 terms)", shape=ellipse, style=filled, fillcolor="#fef9c3", color="#a16207"];
              g0 -> v0_op;
              v0_op -> v0;
            }

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), SampleGraphs.WideSum().ToDot());
    }

    [Fact]
    public void With_terms_drawn_the_wide_sum_groups_its_three_hundred_products()
    {
        var graph = (SampleGraphs.WideSum()).ToDotGraph(new DrawingOptions { CollapseTerms = false });

        var group = Assert.Single(graph.Nodes, n => n.Id == "g0");
        Assert.Equal(3, graph.NodeCount); // the group, the Σ and L
        Assert.Contains("  g0 [label=\"{300 terms (*)|900 values|data 0.0000 … 299.0000|grad 1.0000}\", style=dashed];\n", DotWriter.ToDot(graph), StringComparison.Ordinal);
        Assert.Equal("dashed", group.Attributes["style"].Text);
        Assert.Contains(graph.Nodes, n => n.Attributes["label"].Text == "Σ (300)");
    }

    [Fact]
    public void Fan_in_groups_start_above_the_threshold_and_are_off_when_asked()
    {
        var views = new DrawingOptions { CollapseChains = true, CollapseTerms = true };

        Assert.DoesNotContain("inputs", SampleGraphs.WideSum(16).ToDot(views), StringComparison.Ordinal); // 32 inputs: drawn one by one
        Assert.Contains("{34 inputs|a0 … b16|", SampleGraphs.WideSum(17).ToDot(views), StringComparison.Ordinal);
        Assert.Contains("{6 inputs|a0 … b2|", SampleGraphs.WideSum(3).ToDot(views with { FanInThreshold = 5 }), StringComparison.Ordinal);

        var off = (SampleGraphs.WideSum()).ToDotGraph(new DrawingOptions { GroupFanIn = false });
        Assert.Equal(602, off.NodeCount); // the 600 leaves, the Σ and L
        Assert.Throws<ArgumentOutOfRangeException>(() => new DrawingOptions { FanInThreshold = 0 });
    }

    [Fact]
    public void Term_groups_start_above_the_threshold_too()
    {
        var views = new DrawingOptions { CollapseChains = true, CollapseTerms = false };

        Assert.DoesNotContain("terms (*)", SampleGraphs.WideSum(32).ToDot(views), StringComparison.Ordinal); // 32 terms: drawn one by one
        Assert.Contains("{33 terms (*)|99 values|", SampleGraphs.WideSum(33).ToDot(views), StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_used_elsewhere_stay_drawn()
    {
        // x is used by every term, so it cannot hide in a group; the 40 weights can.
        var x = new Value(2, "x");
        var sum = Enumerable.Range(0, 40).Select(i => new Value(i, "w" + i.ToString(CultureInfo.InvariantCulture)) * x).Aggregate((p, q) => p + q);
        sum.Backward();

        var graph = sum.ToDotGraph(new DrawingOptions { CollapseChains = true, CollapseTerms = true });

        Assert.Contains(graph.Nodes, n => n.Id == "g0" && DotWriter.ToDot(graph).Contains("{40 inputs|w0 … w39|data 0.0000 … 39.0000|grad 2.0000}", StringComparison.Ordinal));
        Assert.Contains(graph.Nodes, n => n.Attributes["label"].Record?.Fields[0].Group?.Fields[0].Text == "x");
        Assert.Equal(4, graph.NodeCount);
    }

    [Fact]
    public void Lecture_pictures_and_the_small_mlp_have_no_fan_in_group()
    {
        foreach (var root in new[] { SampleGraphs.Seed(backward: true), SampleGraphs.NeuronWithExp(), SampleGraphs.SmallMlp() })
        {
            Assert.DoesNotContain(root.ToDotGraph().Nodes, n => n.Id.StartsWith('g'));
        }
    }

    [Fact]
    public async Task The_page_of_the_wide_sum_says_its_additions_are_hidden()
    {
        var rendering = new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = GraphvizRequirement.RequireDot() };

        var page = await SampleGraphs.WideSum().RenderAsync(OutputFormat.Html, rendering: rendering, cancellationToken: TestContext.Current.CancellationToken);

        // By hand: 300 products and 299 sums, two inputs each: 1,198 additions, all into the group or the Σ.
        Assert.Contains(
            "1198 of the 1198 additions happen inside nodes this drawing hides, so there is no step to show: draw it with the views off (mgviz --plain) to step through every value.",
            System.Text.Encoding.UTF8.GetString(page.Output.Span),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_of_numbers_with_nan_says_so()
    {
        var terms = Enumerable.Range(0, 40).Select(i => new Value(i == 7 ? double.NaN : i, "a")).ToList();
        var sum = terms.Aggregate((p, q) => p + q);

        string dot = sum.ToDot(new DrawingOptions { CollapseChains = true });

        Assert.Contains("{40 inputs|a|data 0.0000 … 39.0000, NaN|grad 0.0000}", dot, StringComparison.Ordinal);
    }
}
