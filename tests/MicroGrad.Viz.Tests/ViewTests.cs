using CsCheck;
using MicroGrad.Nn;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Emitting;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.Planning;

namespace MicroGrad.Viz.Tests;

/// <summary>The views for big graphs: they change the picture, never the numbers, and never lose a value.</summary>
public class ViewTests
{
    private static readonly DrawingOptions Plain = new() { FoldConstants = false, CollapseChains = false, CollapseTerms = false, GroupFanIn = false, Modules = ModuleView.None };

    private static Value SmallMlp() => SampleGraphs.SmallMlp();

    /// <summary>z = y + 1 with y = x * 3 (x = 2), labelled x, y and z.</summary>
    private static (Value X, Value Z) XTimesThreePlusOne()
    {
        var x = new Value(2.0, "x");
        var y = x * 3;
        y.Label = "y";
        var z = y + 1;
        z.Label = "z";
        return (x, z);
    }

    [Fact]
    public void Neuron_with_chains_and_terms()
    {
        var neuron = new Neuron(3, new Random(1), Activation.Tanh);
        var o = neuron.Forward([new Value(1.0, "x0"), new Value(-2.0, "x1"), new Value(0.5, "x2")]);
        o.Label = "o";
        o.Backward();

        string chains = o.ToDot(Plain with { CollapseChains = true });
        string terms = o.ToDot(Plain with { CollapseChains = true, CollapseTerms = true });

        Assert.Contains("label=\"Σ (4)\"", chains, StringComparison.Ordinal);
        Assert.Contains("label=\"Σ (4 terms)\"", terms, StringComparison.Ordinal);
        Snapshot.Verify(terms);
    }

    [Fact]
    public void Small_mlp_node_for_node() => Snapshot.Verify(SmallMlp().ToDot(Plain));

    [Fact]
    public void Small_mlp_clusters() => Snapshot.Verify(SmallMlp().ToDot(Plain with { Modules = ModuleView.Clusters, CollapseChains = true }));

    [Fact]
    public void Small_mlp_layers_collapsed() => Snapshot.Verify(SmallMlp().ToDot(Plain with { Modules = ModuleView.Collapsed, FoldConstants = true }));

    [Fact]
    public void Small_mlp_neurons_collapsed() => Snapshot.Verify(SmallMlp().ToDot(Plain with { Modules = ModuleView.Collapsed, ModuleDepth = 2, FoldConstants = true }));

    [Fact]
    public void A_collapsed_module_shows_its_output_and_size()
    {
        var graph = (SmallMlp()).ToDotGraph(Plain with { Modules = ModuleView.Collapsed });
        string dot = DotWriter.ToDot(graph);

        // layer1 computes the score (one output); layer0 hands three activations on.
        Assert.Contains("{layer1|data ", dot, StringComparison.Ordinal);
        Assert.Contains("{layer0|3 outputs|", dot, StringComparison.Ordinal);
        Assert.Contains("[label=\"{x0|data 0.5000|", dot, StringComparison.Ordinal); // inputs shared by neurons stay visible
    }

    [Fact]
    public void Small_graphs_keep_every_value_by_default_and_big_ones_get_readable_views()
    {
        var mlp = new Mlp(2, 16, 16, 1);
        var score = mlp.Forward([new Value(0.5, "x0"), new Value(-0.3, "x1")])[0];
        var loss = (1 + (-1.0 * score)).Relu() + (1e-4 * Value.Sum(mlp.Parameters().Select(p => p * p)));
        loss.Backward();

        var big = loss.ToDotGraph();
        var small = (SmallMlp()).ToDotGraph();

        Assert.InRange(loss.TopologicalOrder().Count, 1600, 1700);
        Assert.InRange(big.NodeCount, 5, 40);
        Assert.Contains(big.Nodes, n => n.Attributes["label"].ToString().Contains("Σ (337 terms)", StringComparison.Ordinal));
        Assert.Equal(DotWriter.ToDot((SmallMlp()).ToDotGraph(Plain)), DotWriter.ToDot(small));
    }

    // Fan-in groups: 0 is off; 1 to 5 is the threshold, low enough for a small MLP's neurons and sums to reach.
    private static readonly Gen<(int Seed, int[] Sizes, DrawingOptions Options)> Cases =
        Gen.Select(
            Gen.Int[0, 1000],
            Gen.Int[1, 4].Array[1, 3],
            Gen.Int[0, 7], Gen.Int[0, 5], Gen.Int[0, 2], Gen.Int[1, 2], Gen.Int[-2, 4])
        .Select(t => (t.Item1, t.Item2, new DrawingOptions
        {
            FoldConstants = (t.Item3 & 1) != 0,
            CollapseChains = (t.Item3 & 2) != 0,
            CollapseTerms = (t.Item3 & 4) != 0,
            GroupFanIn = t.Item4 > 0,
            FanInThreshold = Math.Max(1, t.Item4),
            Modules = (ModuleView)t.Item5,
            ModuleDepth = t.Item6,
            Focus = t.Item7 switch { -2 => null, -1 => "x0", _ => "loss" },
            FocusDepth = t.Item7 > 0 ? t.Item7 : null,
        }));

    [Fact]
    public void Views_never_lose_a_value_and_never_change_data_or_grad()
    {
        int clusterCases = 0;
        Property.Check(
            Cases,
            (seed, sizes, options) =>
            {
                var mlp = new Mlp(new Random(seed), 2, sizes);
                var outputs = mlp.Forward([new Value(0.3, "x0"), new Value(-0.7, "x1")]);
                var loss = Value.Sum(outputs.Select(o => (o - 0.5).Pow(2))) + (1e-3 * Value.Sum(mlp.Parameters().Select(p => p * p)));
                loss.Label = "loss";
                loss.Backward();
                var values = loss.TopologicalOrder();
                var before = values.Select(v => (v.Data, v.Grad)).ToList();

                var plan = DrawingPlan.Create(loss, options);
                var graph = new DrawingEmitter(plan).Build();

                Assert.Equal(before, values.Select(v => (v.Data, v.Grad)));
                // Differential by design: the streamed text (statements written as they come, clusters too)
                // equals the model's written afterwards. The views' own meaning is checked below.
                Assert.Equal(DotWriter.ToDot(graph), loss.ToDot(options));
                clusterCases += plan.Views.Modules == ModuleView.Clusters ? 1 : 0;
                var nodes = graph.EnumerateNodes().ToDictionary(n => n.Id, StringComparer.Ordinal);
                int drawn = 0, grouped = 0;
                for (int i = 0; i < values.Count; i++)
                {
                    int ways = (plan.IsDrawn(i) ? 1 : 0) + (plan.StubOf(i) < 0 ? 0 : 1) + (plan.GroupOf(i) is null ? 0 : 1) + (plan.SharedOf(i) is null ? 0 : 1) + (plan.IsFolded(i) ? 1 : 0) + (plan.IsChained(i) ? 1 : 0) + (plan.IsTerm(i) ? 1 : 0) + (plan.FanInOf(i) < 0 ? 0 : 1);
                    Assert.Equal(1, ways); // every value is accounted for exactly once
                    drawn += plan.IsDrawn(i) ? 1 : 0;
                    grouped += plan.GroupOf(i) is null && plan.SharedOf(i) is null && plan.StubOf(i) < 0 && plan.FanInOf(i) < 0 ? 0 : 1;
                }

                Assert.Equal(drawn, nodes.Keys.Count(id => id.StartsWith('v') && !id.EndsWith("_op", StringComparison.Ordinal)));
                int counted = nodes.Values.Where(n => n.Id.StartsWith('m') || n.Id.StartsWith('p'))
                    .Sum(n => int.Parse(n.Attributes["label"].Record!.Fields[0].Group!.Fields[^1].Text!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
                    + nodes.Values.Where(n => n.Id.StartsWith('s'))
                    .Sum(n => int.Parse(n.Attributes["label"].Text!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture))
                    + nodes.Values.Where(n => n.Id.StartsWith('g')).Sum(FanInCount);
                Assert.Equal(grouped, counted); // collapsed modules, shared parameters, stubs and fan-in groups say how many values they hold
                foreach (var id in graph.Edges.SelectMany(e => new[] { e.From, e.To }))
                {
                    Assert.True(nodes.ContainsKey(id), $"edge to missing node {id}");
                }
            },
            iter: 150);

        // Clusters nest nodes, the case streaming once could not write: the cases must include them.
        Assert.True(clusterCases >= 150 * Property.Seeds().Count / 10, $"only {clusterCases} cases drew clusters");
    }

    // A fan-in group's record starts "N inputs", or "N terms (op)" then "M values" (the terms and their inputs).
    private static int FanInCount(DotNode node)
    {
        var fields = node.Attributes["label"].Record!.Fields[0].Group!.Fields;
        string text = fields[0].Text!.EndsWith(" inputs", StringComparison.Ordinal) ? fields[0].Text! : fields[1].Text!;
        return int.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_chain_of_products_is_one_n_ary_product_and_products_of_sums_take_their_terms_inputs()
    {
        var (a, b, c, d) = (new Value(2, "a"), new Value(3, "b"), new Value(4, "c"), new Value(5, "d"));
        var product = a * b * c * d;
        var (e, f) = (new Value(6, "e"), new Value(7, "f"));
        var ofSums = (a + b) * (c + d) * (e + f);

        var chain = product.ToDotGraph(Plain with { CollapseChains = true });
        var terms = ofSums.ToDotGraph(Plain with { CollapseChains = true, CollapseTerms = true });

        // By hand: a*b*c*d is one Π over four leaves; (a+b)*(c+d)*(e+f) one Π whose three sums are hidden,
        // so the six leaves feed it directly.
        Assert.Equal(["Π (4)"], chain.Nodes.Where(n => n.Id.EndsWith("_op", StringComparison.Ordinal)).Select(n => n.Attributes["label"].Text));
        Assert.Equal(["Π (3 terms)"], terms.Nodes.Where(n => n.Id.EndsWith("_op", StringComparison.Ordinal)).Select(n => n.Attributes["label"].Text));
        var op = terms.Nodes.Single(n => n.Id.EndsWith("_op", StringComparison.Ordinal)).Id;
        Assert.Equal(6, terms.Edges.Count(edge => edge.To == op));
        Assert.Equal(8, terms.NodeCount); // six leaves, the Π and its result
    }

    [Fact]
    public void Folded_constants_keep_every_digit()
    {
        var a = new Value(1.5, "a");
        var folds = Plain with { FoldConstants = true };

        Assert.Contains("label=\"* 2.5\"", (a * 2.5).ToDot(folds), StringComparison.Ordinal);
        Assert.Contains("label=\"+ 0.25\"", (a + 0.25).ToDot(folds), StringComparison.Ordinal);
        Assert.Contains("label=\"0.1 -\"", (0.1 - a).ToDot(folds), StringComparison.Ordinal);
        Assert.Contains("label=\"Σ (3) + 1E-07\"", (a + a.Tanh() + 1e-7).ToDot(folds with { CollapseChains = true }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_is_a_plain_label_with_no_record_escaping()
    {
        string dot = SampleGraphs.Seed(backward: true).ToDot(Plain with { Title = "a|b {c} <d>" });

        Assert.Contains("label=\"a|b {c} <d>\", labelloc=t", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_mlp_focus_on_the_loss() => Snapshot.Verify(SmallMlp().ToDot(Plain with { Focus = "loss", FocusDepth = 3 }));

    [Fact]
    public void Focus_without_depth_keeps_the_ancestors_and_stubs_the_rest()
    {
        var a = new Value(2.0, "a");
        var b = new Value(3.0, "b");
        var c = a * b;
        c.Label = "c";
        var d = (c + 1).Tanh() * (c - 4);
        d.Label = "d";

        var graph = d.ToDotGraph(Plain with { Focus = "c" });
        var stub = Assert.Single(graph.Nodes, n => n.Id.StartsWith('s'));

        Assert.Equal(["v0", "v1", "v2", "v2_op", "s0"], graph.Nodes.Select(n => n.Id));
        Assert.Equal("… 6 values", stub.Attributes["label"].Text); // 1, c + 1, its tanh, 4, c - 4 and d
        Assert.Contains(graph.Edges, e => e.From == "v2" && e.To == "s0");
        Assert.Throws<ArgumentException>(() => d.ToDotGraph(Plain with { Focus = "nothing" }));
    }

    [Fact]
    public void Focus_finds_the_first_value_of_the_order_and_names_a_missing_label()
    {
        var (x, z) = XTimesThreePlusOne();
        Assert.Same(x, z.TopologicalOrder()[0]);

        // Within one step of x: x and y. The rest, in order of appearance: the 3, then the 1 with z.
        var graph = z.ToDotGraph(Plain with { Focus = "x", FocusDepth = 1 });
        Assert.Equal(
            ["v0 {x|data 2.0000|grad 0.0000}", "s0 … 1 value", "v1 {y|data 6.0000|grad 0.0000}", "v1_op *", "s1 … 2 values"],
            graph.Nodes.Select(n => n.Id + " " + n.Attributes["label"].ToString().Trim('"')));
        Assert.Equal(["v0>v1_op", "s0>v1_op", "v1_op>v1", "v1>s1"], graph.Edges.Select(e => e.From + ">" + e.To));

        var error = Assert.Throws<ArgumentException>(() => z.ToDotGraph(Plain with { Focus = "w" }));
        Assert.Equal("focus", error.ParamName);
        Assert.StartsWith("No value in the graph is labelled 'w', so there is nothing to focus on.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_whose_other_user_is_cut_off_stays_a_node_so_its_edge_to_the_stub_has_a_start()
    {
        // y = x * k and u = k * (y + 1). Within one step of y: x, k and y + 1; cut off: the 1 (an
        // input of y + 1) and u. k, though folding is on, stays a node ("*", not "* 3"): folded
        // into y's operator it would leave the stub of u with no edge from k.
        var x = new Value(2.0, "x");
        Value k = 3.0;
        var y = x * k;
        y.Label = "y";
        var u = k * (y + 1);

        var graph = u.ToDotGraph(Plain with { Focus = "y", FocusDepth = 1, FoldConstants = true });

        Assert.Equal(
            ["v0 {data 3.0000|grad 0.0000}", "v1 {x|data 2.0000|grad 0.0000}", "v2 {y|data 6.0000|grad 0.0000}", "v2_op *",
             "s0 … 1 value", "v3 {data 7.0000|grad 0.0000}", "v3_op +", "s1 … 1 value"],
            graph.Nodes.Select(n => n.Id + " " + n.Attributes["label"].ToString().Trim('"')));
        Assert.Equal(
            ["v1>v2_op", "v0>v2_op", "v2_op>v2", "v2>v3_op", "s0>v3_op", "v3_op>v3", "v0>s1", "v3>s1"],
            graph.Edges.Select(e => e.From + ">" + e.To));
    }

    [Fact]
    public void The_fast_layout_starts_above_its_threshold_counting_each_stub_once()
    {
        // The drawing of the focus test above: x, y, y's operator and two stubs (of 1 value and of 2): 5 nodes.
        var (_, z) = XTimesThreePlusOne();
        var focus = Plain with { Focus = "x", FocusDepth = 1 };

        Assert.DoesNotContain("nslimit", z.ToDot(focus with { FastLayoutThreshold = 5 }), StringComparison.Ordinal);
        Assert.Contains("nslimit=\"2\"", z.ToDot(focus with { FastLayoutThreshold = 4 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Tooltips_are_on_up_to_two_thousand_nodes_unless_asked_otherwise()
    {
        // 1,001 leaves summed: 2,001 values, node for node 3,001 nodes (a value and an operator per sum).
        var big = Value.Sum(Enumerable.Range(0, 1001).Select(i => new Value(i)));
        var small = SmallMlp();

        Assert.Contains("tooltip=", small.ToDot(Plain), StringComparison.Ordinal);
        Assert.DoesNotContain("tooltip=", small.ToDot(Plain with { Tooltips = false }), StringComparison.Ordinal);
        Assert.DoesNotContain("tooltip=", big.ToDot(Plain), StringComparison.Ordinal);
        Assert.Equal(2001, big.ToDot(Plain with { Tooltips = true }).Split("tooltip=").Length - 1);
    }

    [Fact]
    public void Tooltips_name_the_module_a_value_was_computed_in()
    {
        string dot = SmallMlp().ToDot(Plain);

        // Mlp(2, 3, 1): the hidden layer's three neurons, then the output neuron.
        foreach (string path in new[] { "layer0.neuron0", "layer0.neuron1", "layer0.neuron2", "layer1.neuron0" })
        {
            Assert.Matches(@"tooltip=""data [^""]*\\ngrad [^""]*\\nop [^""]*\\nin " + System.Text.RegularExpressions.Regex.Escape(path) + @"""", dot);
        }
    }

    [Fact]
    public async Task The_size_guard_stops_before_starting_graphviz()
    {
        var graph = (SmallMlp()).ToDotGraph(Plain);
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = "/nonexistent/dot", MaxNodes = 10 });

        var error = await Assert.ThrowsAsync<GraphTooLargeException>(() => runner.RenderAsync(graph, OutputFormat.Svg, TestContext.Current.CancellationToken));

        Assert.Equal(graph.NodeCount, error.NodeCount);
        Assert.Equal(10, error.Limit);
        Assert.Contains($"The drawing has {graph.NodeCount} nodes, more than the limit of 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("Modules = ModuleView.Collapsed", error.Message, StringComparison.Ordinal);
        Assert.Contains("raise RenderOptions.MaxNodes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal); // the library speaks in its own types; mgviz words its own message
    }

    [Fact]
    public void Big_drawings_ask_graphviz_for_a_cheaper_layout()
    {
        var wide = Value.Sum(Enumerable.Range(0, 300).Select(i => new Value(i, "x") * 2.0));

        var fast = wide.ToDotGraph(Plain);
        var small = (SmallMlp()).ToDotGraph(Plain);

        Assert.True(fast.NodeCount > 400);
        Assert.True(fast.GraphAttributes.TryGetValue("nslimit", out _));
        Assert.False(small.GraphAttributes.TryGetValue("nslimit", out _));
    }
}
