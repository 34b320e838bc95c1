using CsCheck;
using MicroGrad.Nn;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Embedded;

namespace MicroGrad.Viz.Tests.Embedded;

/// <summary>The embedded layout's promises, checked on many generated graphs and views.</summary>
public sealed class LayeredLayoutTests
{
    private const double Tolerance = 1e-6;

    /// <summary>A random expression graph (seeded), or a random Mlp's loss, drawn with random views.</summary>
    private static readonly Gen<(int Seed, bool Mlp, int Size, DrawingOptions Options)> Cases =
        Gen.Select(Gen.Int[0, 100_000], Gen.Bool, Gen.Int[1, 30], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Int[0, 2], Gen.Bool)
        .Select(t => (t.Item1, t.Item2, t.Item3, new DrawingOptions
        {
            Direction = t.Item4 ? RankDirection.LeftToRight : RankDirection.TopToBottom,
            FoldConstants = t.Item5,
            CollapseChains = t.Item6,
            CollapseTerms = t.Item6,
            Modules = (ModuleView)t.Item7,
            ColorByGradient = t.Item8,
            Title = t.Item8 ? "a title" : null,
        }));

    internal static Value Build(int seed, bool mlp, int size)
    {
        var random = new Random(seed);
        if (mlp)
        {
            var model = new Mlp(random, 2, [.. Enumerable.Range(0, 1 + (size % 3)).Select(_ => random.Next(1, 4))]);
            var outputs = model.Forward([new Value(0.3, "x0"), new Value(-0.7, "x1")]);
            var loss = Value.Sum(outputs.Select(o => (o - 0.5).Pow(2)));
            loss.Label = "loss";
            loss.Backward();
            return loss;
        }

        var values = Enumerable.Range(0, 1 + random.Next(5)).Select(i => new Value(random.NextDouble() * 4 - 2, "x" + i)).ToList();
        for (int k = 0; k < size; k++)
        {
            var a = values[random.Next(values.Count)];
            var b = values[random.Next(values.Count)];
            var next = random.Next(8) switch
            {
                0 => a + b,
                1 => a - b,
                2 => a * b,
                3 => a * 2.5,
                4 => a.Tanh(),
                5 => a.Relu(),
                6 => a + b + a,
                _ => a.Pow(2),
            };
            if (random.Next(3) == 0)
            {
                next.Label = "v" + k + (random.Next(4) == 0 ? " a longer label ∑" : string.Empty);
            }

            values.Add(next);
        }

        var root = values[^1];
        root.Backward();
        return root;
    }

    private static void Check(Action<GraphLayout, DotGraph, DrawingOptions> property, int iterations = 200) =>
        Cases.Sample(
            (seed, mlp, size, options) =>
            {
                var graph = ValueGraphWriter.ToDotGraph(Build(seed, mlp, size), options);
                property(LayeredLayout.Compute(graph), graph, options);
            },
            iter: iterations);

    [Fact]
    public void Every_dot_node_and_edge_is_laid_out_once_in_dot_order()
    {
        Check((layout, graph, _) =>
        {
            Assert.Equal(graph.EnumerateNodes().Select(n => n.Id), layout.Nodes.Select(n => n.Id));
            Assert.Equal(graph.Edges.Select(e => (e.From, e.To)), layout.Edges.Select(e => (e.From.Id, e.To.Id)));
        });
    }

    [Fact]
    public void No_two_node_boxes_overlap()
    {
        Check((layout, _, _) =>
        {
            var boxes = layout.Nodes.Select(n => n.Bounds).ToList();
            for (int i = 0; i < boxes.Count; i++)
            {
                for (int j = i + 1; j < boxes.Count; j++)
                {
                    Assert.False(boxes[i].Overlaps(boxes[j]), $"{layout.Nodes[i].Id} {boxes[i]} overlaps {layout.Nodes[j].Id} {boxes[j]}");
                }
            }
        });
    }

    [Fact]
    public void Every_edge_starts_and_ends_on_its_nodes_borders()
    {
        Check((layout, _, _) =>
        {
            foreach (var edge in layout.Edges)
            {
                Assert.True(OnBorder(edge.From, edge.Start), $"{edge.From.Id}->{edge.To.Id} starts at {edge.Start}, not on {edge.From.Bounds}");
                Assert.True(OnBorder(edge.To, edge.Tip), $"{edge.From.Id}->{edge.To.Id} ends at {edge.Tip}, not on {edge.To.Bounds}");
            }
        });
    }

    [Fact]
    public void Edges_go_in_the_layout_direction()
    {
        Check((layout, _, options) =>
        {
            var flow = options.Direction == RankDirection.LeftToRight ? new LayoutPoint(1, 0) : new LayoutPoint(0, 1);
            Assert.Equal(flow, layout.Flow);
            foreach (var edge in layout.Edges)
            {
                var path = edge.Points.Append(edge.Tip).ToList();
                for (int i = 1; i < path.Count; i++)
                {
                    Assert.True((path[i] - path[i - 1]).Dot(flow) > 0, $"{edge.From.Id}->{edge.To.Id} turns back between {path[i - 1]} and {path[i]}");
                }

                Assert.Equal(flow, edge.TipDirection);
            }
        });
    }

    [Fact]
    public void Every_label_fits_inside_its_box_by_the_metric()
    {
        Check((layout, _, _) =>
        {
            foreach (var node in layout.Nodes)
            {
                foreach (var cell in node.Content.TextCells())
                {
                    var (width, height) = TextMetric.Measure(cell.Lines);
                    var text = new LayoutRect(
                        cell.Bounds.X + (cell.Bounds.Width / 2) - (width / 2),
                        cell.Bounds.Y + (cell.Bounds.Height / 2) - (height / 2),
                        width,
                        height);
                    Assert.True(cell.Bounds.Contains(text), $"{node.Id}: '{string.Join("/", cell.Lines)}' ({width} x {height}) overflows {cell.Bounds}");
                    Assert.True(Inside(node, text), $"{node.Id}: '{string.Join("/", cell.Lines)}' is not inside the node's outline");
                }
            }
        });
    }

    [Fact]
    public void Record_fields_tile_the_node_in_a_row()
    {
        Check((layout, _, _) =>
        {
            foreach (var node in layout.Nodes.Where(n => n.Shape == LayoutShape.Record && n.Id.StartsWith('v')))
            {
                var cells = node.Content.TextCells().ToList();
                Assert.Equal(node.Bounds.Width, cells.Sum(c => c.Bounds.Width), 6);
                Assert.All(cells, c => Assert.Equal(node.Bounds.Height, c.Bounds.Height, 6));
            }
        }, iterations: 50);
    }

    [Fact]
    public void Clusters_enclose_their_nodes_and_nested_clusters()
    {
        Check((layout, _, _) =>
        {
            foreach (var cluster in layout.Clusters)
            {
                Assert.All(cluster.Nodes, n => Assert.True(cluster.Bounds.Contains(n.Bounds), $"{n.Id} sticks out of {cluster.Id}"));
                Assert.All(cluster.Children, c => Assert.True(cluster.Bounds.Contains(c.Bounds), $"{c.Id} sticks out of {cluster.Id}"));
            }
        }, iterations: 80);
    }

    [Fact]
    public void Clusters_keep_to_themselves()
    {
        Check((layout, _, _) =>
        {
            static IEnumerable<LayoutNode> Members(LayoutCluster c) => c.Nodes.Concat(c.Children.SelectMany(Members));
            var nested = layout.Clusters.SelectMany(c => c.Children).ToHashSet();
            foreach (var cluster in layout.Clusters)
            {
                var members = Members(cluster).ToHashSet();
                Assert.All(layout.Nodes.Where(n => !members.Contains(n)), n => Assert.False(cluster.Bounds.Overlaps(n.Bounds), $"{n.Id} is inside {cluster.Id} without belonging to it"));
                var siblings = nested.Contains(cluster) ? layout.Clusters.Single(c => c.Children.Contains(cluster)).Children : layout.Clusters.Where(c => !nested.Contains(c)).ToList();
                Assert.All(siblings.Where(s => s != cluster), s => Assert.False(cluster.Bounds.Overlaps(s.Bounds), $"{cluster.Id} overlaps {s.Id}"));
            }
        }, iterations: 80);
    }

    [Fact]
    public void The_canvas_holds_every_node_and_edge()
    {
        Check((layout, _, _) =>
        {
            var canvas = new LayoutRect(0, 0, layout.Width, layout.Height);
            Assert.All(layout.Nodes, n => Assert.True(canvas.Contains(n.Bounds), $"{n.Id} is off the canvas"));
            Assert.All(layout.Edges.SelectMany(e => e.Points.Append(e.Tip)), p => Assert.True(canvas.Contains(new LayoutRect(p.X, p.Y, 0, 0))));
        }, iterations: 80);
    }

    [Fact]
    public void Nodes_are_at_least_graphvizs_minimum_size()
    {
        Check((layout, _, _) => Assert.All(layout.Nodes, n =>
        {
            Assert.True(n.Width >= LayeredLayout.MinWidth);
            Assert.True(n.Height >= LayeredLayout.MinHeight);
        }), iterations: 30);
    }

    [Fact]
    public void A_self_loop_and_an_undeclared_node_are_drawn()
    {
        var graph = new DotGraph();
        graph.AddNode("a");
        graph.AddEdge("a", "a");
        graph.AddEdge("a", "b");

        var layout = LayeredLayout.Compute(graph, TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], layout.Nodes.Select(n => n.Id));
        var loop = layout.Edges[0];
        Assert.True(OnBorder(loop.From, loop.Start));
        Assert.True(OnBorder(loop.To, loop.Tip));
    }

    private static bool OnBorder(LayoutNode node, LayoutPoint point)
    {
        var b = node.Bounds;
        if (node.Shape == LayoutShape.Ellipse)
        {
            double dx = (point.X - node.Center.X) / (node.Width / 2), dy = (point.Y - node.Center.Y) / (node.Height / 2);
            return Math.Abs((dx * dx) + (dy * dy) - 1) < 1e-6;
        }

        bool withinX = point.X >= b.X - Tolerance && point.X <= b.Right + Tolerance;
        bool withinY = point.Y >= b.Y - Tolerance && point.Y <= b.Bottom + Tolerance;
        bool onVertical = Math.Abs(point.X - b.X) < Tolerance || Math.Abs(point.X - b.Right) < Tolerance;
        bool onHorizontal = Math.Abs(point.Y - b.Y) < Tolerance || Math.Abs(point.Y - b.Bottom) < Tolerance;
        return (onVertical && withinY) || (onHorizontal && withinX);
    }

    private static bool Inside(LayoutNode node, LayoutRect text)
    {
        if (node.Shape != LayoutShape.Ellipse)
        {
            return node.Bounds.Contains(text);
        }

        double rx = node.Width / 2, ry = node.Height / 2;
        return new[] { (text.X, text.Y), (text.Right, text.Y), (text.X, text.Bottom), (text.Right, text.Bottom) }.All(corner =>
        {
            double dx = (corner.Item1 - node.Center.X) / rx, dy = (corner.Item2 - node.Center.Y) / ry;
            return (dx * dx) + (dy * dy) <= 1 + Tolerance;
        });
    }
}
