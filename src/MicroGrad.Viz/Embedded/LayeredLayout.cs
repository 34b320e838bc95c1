using System.Globalization;
using GraphShape.Algorithms.Layout;
using MicroGrad.Viz.Dot;
using QuikGraph;

namespace MicroGrad.Viz.Embedded;

/// <summary>
/// Lays out a <see cref="DotGraph"/> for the embedded renderer: node sizes from <see cref="TextMetric"/>,
/// positions from GraphShape's Sugiyama (layered) layout, then edges from border to border with
/// their ports spread along the node's side, and cluster boxes around their members.
/// </summary>
internal static class LayeredLayout
{
    /// <summary>Space between a text and its field's border, along and across the text.</summary>
    public const double PaddingX = 8, PaddingY = 4;

    /// <summary>Graphviz's minimum node size (0.75 × 0.5 inch).</summary>
    public const double MinWidth = 54, MinHeight = 36;

    public const double ArrowLength = 10, ArrowHalfWidth = 3.5;

    private const double Margin = 8, LayerGap = 44, SliceGap = 18, MinimumGap = 8, ClusterPadding = 10;

    /// <exception cref="OperationCanceledException">The token was cancelled; the layout stopped.</exception>
    public static GraphLayout Compute(DotGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        cancellationToken.ThrowIfCancellationRequested();
        string fontFamily = Attribute(graph.GraphAttributes, "fontname")
            ?? Attribute(graph.NodeDefaults, "fontname") ?? "Helvetica,Arial,sans-serif";
        string rankdir = (Attribute(graph.GraphAttributes, "rankdir") ?? "TB").ToUpperInvariant();
        var flow = rankdir switch
        {
            "LR" => new LayoutPoint(1, 0),
            "RL" => new LayoutPoint(-1, 0),
            "BT" => new LayoutPoint(0, -1),
            _ => new LayoutPoint(0, 1),
        };

        var nodes = new List<LayoutNode>();
        var byId = new Dictionary<string, LayoutNode>(StringComparer.Ordinal);
        foreach (var node in graph.EnumerateNodes())
        {
            if (!byId.ContainsKey(node.Id))
            {
                var laid = CreateNode(nodes.Count, node.Id, node.Attributes, graph.NodeDefaults, flow, fontFamily);
                nodes.Add(laid);
                byId.Add(node.Id, laid);
            }
        }

        var edges = new List<LayoutEdge>();
        foreach (var edge in graph.Edges)
        {
            var from = NodeFor(edge.From);
            var to = NodeFor(edge.To);
            var attributes = edge.HasAttributes ? edge.Attributes : graph.EdgeDefaults;
            edges.Add(new LayoutEdge(edges.Count, from, to, Style(attributes, graph.EdgeDefaults, fontFamily, isEdge: true)));
        }

        var routes = Place(nodes, edges, flow, cancellationToken);
        var clusters = new List<LayoutCluster>();
        var topClusters = graph.Subgraphs.Select(subgraph => AddClusters(subgraph, byId, graph.NodeDefaults, fontFamily, clusters)).ToList();
        if (topClusters.Count > 0)
        {
            // The bends the layered layout routed around nodes no longer fit once clusters get bands.
            ClusterBands.Apply(nodes, topClusters, flow.X != 0, ClusterPadding, TextMetric.LineHeight);
            routes.Clear();
        }

        string? title = Attribute(graph.GraphAttributes, "label");
        bool titleOnTop = string.Equals(Attribute(graph.GraphAttributes, "labelloc"), "t", StringComparison.OrdinalIgnoreCase);
        var ports = Ports(edges, flow);
        foreach (var edge in edges)
        {
            Route(edge, routes.TryGetValue(edge, out var bends) ? bends : [], flow, ports);
        }

        return Normalise(graph, nodes, edges, clusters, flow, title, titleOnTop, fontFamily);

        LayoutNode NodeFor(string id)
        {
            if (!byId.TryGetValue(id, out var found))
            {
                // DOT creates a node an edge names; so does this renderer, with default looks.
                found = CreateNode(nodes.Count, id, new DotAttributes(), graph.NodeDefaults, flow, fontFamily);
                nodes.Add(found);
                byId.Add(id, found);
            }

            return found;
        }
    }

    /// <summary>
    /// Runs the layered layout. It always runs top to bottom: GraphShape's own left-to-right mode
    /// spaces the nodes of a layer by their widths instead of their heights, so sideways flows are
    /// laid out with width and height swapped and then transposed (and mirrored for RL and BT).
    /// </summary>
    private static Dictionary<LayoutEdge, LayoutPoint[]> Place(List<LayoutNode> nodes, List<LayoutEdge> edges, LayoutPoint flow, CancellationToken cancellationToken)
    {
        bool horizontal = flow.X != 0;
        LayoutPoint Map(GraphShape.Point p)
        {
            var point = horizontal ? new LayoutPoint(p.Y, p.X) : new LayoutPoint(p.X, p.Y);
            return flow.X < 0 || flow.Y < 0 ? point with { X = flow.X < 0 ? -point.X : point.X, Y = flow.Y < 0 ? -point.Y : point.Y } : point;
        }

        var graph = new BidirectionalGraph<LayoutNode, Edge<LayoutNode>>(allowParallelEdges: true);
        graph.AddVertexRange(nodes);
        var layoutEdges = new Dictionary<Edge<LayoutNode>, LayoutEdge>();
        foreach (var edge in edges)
        {
            if (!ReferenceEquals(edge.From, edge.To))
            {
                var layoutEdge = new Edge<LayoutNode>(edge.From, edge.To);
                graph.AddEdge(layoutEdge);
                layoutEdges.Add(layoutEdge, edge);
            }
        }

        var sizes = nodes.ToDictionary(n => n, n => horizontal ? new GraphShape.Size(n.Height, n.Width) : new GraphShape.Size(n.Width, n.Height));
        var parameters = new SugiyamaLayoutParameters
        {
            Direction = LayoutDirection.TopToBottom,
            LayerGap = LayerGap,
            SliceGap = SliceGap,
            EdgeRouting = SugiyamaEdgeRouting.Traditional,
        };
        var algorithm = new SugiyamaLayoutAlgorithm<LayoutNode, Edge<LayoutNode>, BidirectionalGraph<LayoutNode, Edge<LayoutNode>>>(graph, sizes, parameters)
        {
            // Its crossing minimisation breaks ties at random: a fixed seed makes every run draw the same.
            // (A seeded Random keeps its sequence across .NET versions.)
            Rand = new Random(1),
        };
        // GraphShape polls its own abort flag in its loops, but only an algorithm already running can
        // be aborted (starting clears the flag): so the token is hooked up once it has started.
        CancellationTokenRegistration registration = default;
        algorithm.Started += (_, _) => registration = cancellationToken.Register(algorithm.Abort);
        try
        {
            algorithm.Compute();
        }
        finally
        {
            registration.Dispose();
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var node in nodes)
        {
            node.Center = Map(algorithm.VerticesPositions[node]);
        }

        Separate(nodes, horizontal);
        var routes = new Dictionary<LayoutEdge, LayoutPoint[]>();
        foreach (var (layoutEdge, points) in algorithm.EdgeRoutes)
        {
            if (points is { Length: > 0 } && layoutEdges.TryGetValue(layoutEdge, out var edge))
            {
                routes[edge] = [.. points.Select(Map)];
            }
        }

        return routes;
    }

    /// <summary>
    /// GraphShape's coordinate assignment can leave neighbours in a layer overlapping by a few points
    /// (found by the layout property tests); this sweep pushes such nodes apart across the flow.
    /// </summary>
    private static void Separate(List<LayoutNode> nodes, bool horizontal)
    {
        double Along(LayoutNode n, double side) => horizontal ? n.Center.X + (side * n.Width / 2) : n.Center.Y + (side * n.Height / 2);
        double Across(LayoutNode n, double side) => horizontal ? n.Center.Y + (side * n.Height / 2) : n.Center.X + (side * n.Width / 2);
        var placed = new List<LayoutNode>();
        foreach (var node in nodes.OrderBy(n => Across(n, -1)).ThenBy(n => n.Index))
        {
            bool moved = true;
            while (moved)
            {
                moved = false;
                foreach (var other in placed)
                {
                    bool sameLayer = Along(node, -1) < Along(other, 1) && Along(other, -1) < Along(node, 1);
                    double overlap = Across(other, 1) + MinimumGap - Across(node, -1);
                    if (sameLayer && overlap > 0 && Across(node, 1) > Across(other, -1) - MinimumGap)
                    {
                        node.Center += horizontal ? new LayoutPoint(0, overlap) : new LayoutPoint(overlap, 0);
                        moved = true;
                    }
                }
            }

            placed.Add(node);
        }
    }

    private static void Route(LayoutEdge edge, LayoutPoint[] bends, LayoutPoint flow, Dictionary<LayoutEdge, (LayoutPoint Start, LayoutPoint Tip)> ports)
    {
        if (ReferenceEquals(edge.From, edge.To))
        {
            RouteLoop(edge, flow);
            return;
        }

        var (start, tip) = ports[edge];
        edge.Points.Add(start);
        foreach (var bend in bends)
        {
            edge.Points.Add(bend);
        }

        edge.Points.Add(tip - (flow * ArrowLength));
        edge.Tip = tip;
        edge.TipDirection = flow;
    }

    private static void RouteLoop(LayoutEdge edge, LayoutPoint flow)
    {
        // A self-loop leaves and re-enters the node's side, bulging out sideways.
        var node = edge.From;
        var across = new LayoutPoint(Math.Abs(flow.Y), Math.Abs(flow.X));
        double spread = Math.Min(8, ((Math.Abs(flow.X) * node.Width) + (Math.Abs(flow.Y) * node.Height)) / 4);
        var start = OnSide(node, across, spread);
        var tip = OnSide(node, across, -spread);
        edge.Points.Add(start);
        edge.Points.Add(node.Center + (across * ((across.X * node.Width / 2) + (across.Y * node.Height / 2) + 18)));
        edge.Points.Add(tip + (across * ArrowLength));
        edge.Tip = tip;
        edge.TipDirection = across * -1;
    }

    /// <summary>
    /// The point of the node's outline on the side <paramref name="outwards"/> points to, shifted
    /// <paramref name="offset"/> along that side (positive: along the axis perpendicular to it).
    /// </summary>
    private static LayoutPoint OnSide(LayoutNode node, LayoutPoint outwards, double offset)
    {
        var along = new LayoutPoint(Math.Abs(outwards.Y), Math.Abs(outwards.X));
        double halfOut = (Math.Abs(outwards.X) * node.Width / 2) + (Math.Abs(outwards.Y) * node.Height / 2);
        double halfSide = (along.X * node.Width / 2) + (along.Y * node.Height / 2);
        double ratio = offset / halfSide;
        double reach = node.Shape == LayoutShape.Ellipse ? halfOut * Math.Sqrt(1 - (ratio * ratio)) : halfOut;
        return node.Center + (outwards * reach) + (along * offset);
    }

    /// <summary>
    /// Where edges meet nodes: on the side facing the flow (out) or against it (in), spread along
    /// that side in the order of their other ends, so edges at one node neither cross nor coincide.
    /// </summary>
    private static Dictionary<LayoutEdge, (LayoutPoint Start, LayoutPoint Tip)> Ports(List<LayoutEdge> edges, LayoutPoint flow)
    {
        var across = new LayoutPoint(Math.Abs(flow.Y), Math.Abs(flow.X));
        var starts = new Dictionary<LayoutEdge, LayoutPoint>();
        var tips = new Dictionary<LayoutEdge, LayoutPoint>();
        var proper = edges.Where(e => !ReferenceEquals(e.From, e.To)).ToList();
        foreach (var side in proper.GroupBy(e => e.From))
        {
            Spread(side.Key, [.. side.OrderBy(e => e.To.Center.Dot(across)).ThenBy(e => e.Index)], flow, across, starts);
        }

        foreach (var side in proper.GroupBy(e => e.To))
        {
            Spread(side.Key, [.. side.OrderBy(e => e.From.Center.Dot(across)).ThenBy(e => e.Index)], flow * -1, across, tips);
        }

        return proper.ToDictionary(e => e, e => (starts[e], tips[e]));
    }

    private static void Spread(LayoutNode node, List<LayoutEdge> side, LayoutPoint outwards, LayoutPoint across, Dictionary<LayoutEdge, LayoutPoint> ports)
    {
        double sideLength = across.X != 0 ? node.Width : node.Height;
        double spacing = side.Count > 1 ? Math.Min(10, sideLength * 0.6 / (side.Count - 1)) : 0;
        for (int slot = 0; slot < side.Count; slot++)
        {
            ports[side[slot]] = OnSide(node, outwards, (slot - ((side.Count - 1) / 2.0)) * spacing);
        }
    }

    private static LayoutNode CreateNode(int index, string id, DotAttributes attributes, DotAttributes defaults, LayoutPoint flow, string fontFamily)
    {
        string shapeName = (Attribute(attributes, "shape") ?? Attribute(defaults, "shape") ?? "ellipse").ToLowerInvariant();
        var label = attributes.TryGetValue("label", out var value) ? value
            : defaults.TryGetValue("label", out var fallback) ? fallback
            : DotValue.FromText(id);
        bool isRecord = shapeName is "record" or "mrecord";
        var shape = isRecord ? LayoutShape.Record
            : shapeName is "ellipse" or "oval" or "circle" ? LayoutShape.Ellipse
            : LayoutShape.Box;

        // A record's top level runs across the flow; each nested group flips (as in Graphviz).
        bool topHorizontal = flow.X == 0;
        var content = isRecord && label.Record is { } record
            ? Group(record, topHorizontal)
            : new LayoutCell(Lines(label.Kind == DotValueKind.Html ? StripTags(label.Text!) : label.Text ?? string.Empty));
        var style = Style(attributes, defaults, fontFamily, isEdge: false) with { Rounded = shapeName == "mrecord" || HasStyle(attributes, defaults, "rounded") };
        var node = new LayoutNode(index, id, shape, content, style);
        var (width, height) = Measure(content);
        if (shape == LayoutShape.Ellipse)
        {
            // The text's box fits an ellipse √2 times its size (corners on the curve); pad a little.
            width = (width * Math.Sqrt(2)) + 4;
            height = (height * Math.Sqrt(2)) + 2;
        }

        node.Width = Math.Ceiling(Math.Max(MinWidth, width));
        node.Height = Math.Ceiling(Math.Max(MinHeight, height));
        return node;
    }

    private static LayoutCell Group(DotRecord record, bool horizontal) =>
        new([.. record.Fields.Select(field => field.Group is { } group ? Group(group, !horizontal) : new LayoutCell(Lines(field.Text ?? string.Empty)))], horizontal);

    /// <summary>A label's lines (DOT labels break at newlines).</summary>
    internal static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string StripTags(string html)
    {
        var text = new System.Text.StringBuilder();
        bool inTag = false;
        foreach (char c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        return System.Net.WebUtility.HtmlDecode(text.ToString());
    }

    /// <summary>The natural size of a cell (text plus padding, or its fields together).</summary>
    private static (double Width, double Height) Measure(LayoutCell cell)
    {
        if (cell.Children is null)
        {
            var (width, height) = TextMetric.Measure(cell.Lines);
            return (width + (2 * PaddingX), height + (2 * PaddingY));
        }

        double along = 0, across = 0;
        foreach (var child in cell.Children)
        {
            var (width, height) = Measure(child);
            along += cell.Horizontal ? width : height;
            across = Math.Max(across, cell.Horizontal ? height : width);
        }

        return cell.Horizontal ? (along, across) : (across, along);
    }

    /// <summary>Gives every cell its rectangle inside <paramref name="bounds"/>, sharing spare room evenly.</summary>
    internal static void Arrange(LayoutCell cell, LayoutRect bounds)
    {
        cell.Bounds = bounds;
        if (cell.Children is not { Count: > 0 } children)
        {
            return;
        }

        var natural = children.Select(child => cell.Horizontal ? Measure(child).Width : Measure(child).Height).ToArray();
        double room = (cell.Horizontal ? bounds.Width : bounds.Height) - natural.Sum();
        double extra = room / children.Count;
        double at = cell.Horizontal ? bounds.X : bounds.Y;
        for (int i = 0; i < children.Count; i++)
        {
            double size = natural[i] + extra;
            Arrange(children[i], cell.Horizontal
                ? new LayoutRect(at, bounds.Y, size, bounds.Height)
                : new LayoutRect(bounds.X, at, bounds.Width, size));
            at += size;
        }
    }

    private static LayoutCluster AddClusters(DotSubgraph subgraph, Dictionary<string, LayoutNode> byId, DotAttributes defaults, string fontFamily, List<LayoutCluster> all)
    {
        var none = new DotAttributes();
        var cluster = new LayoutCluster(
            subgraph.Id,
            Attribute(subgraph.Attributes, "label"),
            Style(subgraph.Attributes, none, fontFamily, isEdge: true) with { Rounded = HasStyle(subgraph.Attributes, none, "rounded") },
            [.. subgraph.Nodes.Select(n => byId[n.Id])]);
        all.Add(cluster);
        foreach (var child in subgraph.Subgraphs)
        {
            cluster.Children.Add(AddClusters(child, byId, defaults, fontFamily, all));
        }

        return cluster;
    }

    private static GraphLayout Normalise(
        DotGraph graph, List<LayoutNode> nodes, List<LayoutEdge> edges, List<LayoutCluster> clusters, LayoutPoint flow, string? title, bool titleOnTop, string fontFamily)
    {
        // Cluster boxes, innermost first, so a parent's box encloses its children's.
        for (int i = clusters.Count - 1; i >= 0; i--)
        {
            var cluster = clusters[i];
            var boxes = cluster.Nodes.Select(n => n.Bounds).Concat(cluster.Children.Select(c => c.Bounds)).ToList();
            if (boxes.Count == 0)
            {
                continue;
            }

            double labelRoom = cluster.Label is null ? 0 : TextMetric.LineHeight;
            double left = boxes.Min(b => b.X) - ClusterPadding, top = boxes.Min(b => b.Y) - ClusterPadding - labelRoom;
            double right = boxes.Max(b => b.Right) + ClusterPadding, bottom = boxes.Max(b => b.Bottom) + ClusterPadding;
            if (cluster.Label is { } label)
            {
                right = Math.Max(right, left + TextMetric.Width(label) + (2 * PaddingX));
            }

            cluster.Bounds = new LayoutRect(left, top, right - left, bottom - top);
        }

        var extent = nodes.Select(n => n.Bounds).Concat(clusters.Select(c => c.Bounds)).ToList();
        var points = edges.SelectMany(e => e.Points.Append(e.Tip)).ToList();
        double minX = Math.Min(extent.Count == 0 ? 0 : extent.Min(b => b.X), points.Count == 0 ? double.MaxValue : points.Min(p => p.X));
        double minY = Math.Min(extent.Count == 0 ? 0 : extent.Min(b => b.Y), points.Count == 0 ? double.MaxValue : points.Min(p => p.Y));
        double maxX = Math.Max(extent.Count == 0 ? 0 : extent.Max(b => b.Right), points.Count == 0 ? double.MinValue : points.Max(p => p.X));
        double maxY = Math.Max(extent.Count == 0 ? 0 : extent.Max(b => b.Bottom), points.Count == 0 ? double.MinValue : points.Max(p => p.Y));
        double titleRoom = title is null ? 0 : TextMetric.LineHeight + PaddingY;
        double contentWidth = maxX - minX;
        double width = Math.Max(contentWidth, title is null ? 0 : TextMetric.Width(title)) + (2 * Margin);
        var shift = new LayoutPoint(Margin - minX + ((width - (2 * Margin) - contentWidth) / 2), Margin - minY + (titleOnTop ? titleRoom : 0));

        foreach (var node in nodes)
        {
            node.Center += shift;
            Arrange(node.Content, node.Shape == LayoutShape.Ellipse ? TextBox(node) : node.Bounds);
        }

        foreach (var edge in edges)
        {
            for (int i = 0; i < edge.Points.Count; i++)
            {
                edge.Points[i] += shift;
            }

            edge.Tip += shift;
        }

        foreach (var cluster in clusters)
        {
            var b = cluster.Bounds;
            cluster.Bounds = b with { X = b.X + shift.X, Y = b.Y + shift.Y };
        }

        double height = maxY - minY + (2 * Margin) + titleRoom;
        return new GraphLayout
        {
            Nodes = nodes,
            Edges = edges,
            Clusters = clusters,
            GraphId = graph.Id ?? "%0",
            Title = title,
            TitleAt = new LayoutPoint(width / 2, titleOnTop ? Margin + TextMetric.LineHeight / 2 : height - Margin - (TextMetric.LineHeight / 2)),
            Flow = flow,
            Width = width,
            Height = height,
            FontFamily = fontFamily,
        };
    }

    /// <summary>The text's box inside an ellipse: the inscribed rectangle with the ellipse's proportions.</summary>
    private static LayoutRect TextBox(LayoutNode node)
    {
        double width = node.Width / Math.Sqrt(2), height = node.Height / Math.Sqrt(2);
        return new LayoutRect(node.Center.X - (width / 2), node.Center.Y - (height / 2), width, height);
    }

    private static LayoutStyle Style(DotAttributes attributes, DotAttributes defaults, string fontFamily, bool isEdge)
    {
        bool filled = HasStyle(attributes, defaults, "filled");
        string? color = Attribute(attributes, "color") ?? Attribute(defaults, "color");
        string? fill = filled ? Attribute(attributes, "fillcolor") ?? Attribute(defaults, "fillcolor") ?? color ?? "lightgrey" : null;
        double penWidth = double.TryParse(Attribute(attributes, "penwidth") ?? Attribute(defaults, "penwidth"), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)
            ? parsed
            : 1;
        if (HasStyle(attributes, defaults, "bold"))
        {
            penWidth = Math.Max(penWidth, 2);
        }

        return new LayoutStyle(
            isEdge ? null : fill,
            color ?? "black",
            Attribute(attributes, "fontcolor") ?? Attribute(defaults, "fontcolor") ?? "black",
            penWidth,
            HasStyle(attributes, defaults, "dashed"),
            HasStyle(attributes, defaults, "dotted"),
            Rounded: false,
            HasStyle(attributes, defaults, "invis"),
            Attribute(attributes, "fontname") ?? Attribute(defaults, "fontname") ?? fontFamily);
    }

    private static bool HasStyle(DotAttributes attributes, DotAttributes defaults, string style) =>
        (Attribute(attributes, "style") ?? Attribute(defaults, "style") ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries)
            .Contains(style, StringComparer.OrdinalIgnoreCase);

    private static string? Attribute(DotAttributes attributes, string name) =>
        attributes.TryGetValue(name, out var value) && value.Kind != DotValueKind.Record ? value.Text : null;
}
