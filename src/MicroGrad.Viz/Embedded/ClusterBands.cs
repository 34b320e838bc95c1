namespace MicroGrad.Viz.Embedded;

/// <summary>
/// Keeps clusters apart, which a plain layered layout does not know about: every cluster gets its
/// own band across the flow (nested clusters get bands inside their parent's), bands and loose
/// nodes are stacked in the order the layered layout suggested, and within a band each layer's
/// nodes keep their relative order. Layers are untouched, so edges still run with the flow.
/// </summary>
internal static class ClusterBands
{
    private const double Gap = 12;

    /// <summary>Moves nodes across the flow so that no two clusters' boxes overlap.</summary>
    /// <param name="nodes">Every node, already placed by the layered layout.</param>
    /// <param name="clusters">The top-level clusters (with their nested ones).</param>
    /// <param name="horizontal">Whether the flow runs along x (LR), so bands stack along y.</param>
    /// <param name="padding">Room between a cluster's border and its contents.</param>
    /// <param name="labelRoom">Extra room at a cluster's start for its label.</param>
    public static void Apply(IReadOnlyList<LayoutNode> nodes, IReadOnlyList<LayoutCluster> clusters, bool horizontal, double padding, double labelRoom)
    {
        var layers = Layers(nodes, horizontal);
        var inCluster = clusters.SelectMany(Members).ToHashSet();
        var loose = nodes.Where(n => !inCluster.Contains(n)).ToList();
        var placements = new Dictionary<LayoutNode, double>();
        Pack(loose, clusters, 0, 0, placements, layers, horizontal, padding, labelRoom);
        foreach (var (node, start) in placements)
        {
            double center = start + (Across(node, horizontal) / 2);
            node.Center = horizontal ? node.Center with { Y = center } : node.Center with { X = center };
        }
    }

    /// <summary>
    /// Stacks a container's loose nodes (as one band) and its clusters' bands from
    /// <paramref name="start"/>; returns the total size across the flow.
    /// </summary>
    private static double Pack(
        List<LayoutNode> loose, IEnumerable<LayoutCluster> children, double start, double lead,
        Dictionary<LayoutNode, double> placements, Dictionary<LayoutNode, int> layers, bool horizontal, double padding, double labelRoom)
    {
        var items = new List<(double Order, Func<double, double> Place)>();
        if (loose.Count > 0)
        {
            items.Add((loose.Average(n => Position(n, horizontal)), at => PackLoose(loose, at, placements, layers, horizontal)));
        }

        foreach (var child in children)
        {
            var members = Members(child).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            items.Add((members.Average(n => Position(n, horizontal)), at =>
                Pack([.. child.Nodes], child.Children, at, padding + (child.Label is null ? 0 : labelRoom), placements, layers, horizontal, padding, labelRoom) + padding));
        }

        double offset = start + lead;
        bool first = true;
        foreach (var item in items.OrderBy(i => i.Order))
        {
            offset += first ? 0 : Gap;
            offset += item.Place(offset);
            first = false;
        }

        return offset - start;
    }

    /// <summary>Places loose nodes layer by layer, each layer's column centred in the band.</summary>
    private static double PackLoose(List<LayoutNode> nodes, double start, Dictionary<LayoutNode, double> placements, Dictionary<LayoutNode, int> layers, bool horizontal)
    {
        var columns = nodes.GroupBy(n => layers[n]).Select(g => g.OrderBy(n => Position(n, horizontal)).ThenBy(n => n.Index).ToList()).ToList();
        double size = columns.Max(c => c.Sum(n => Across(n, horizontal)) + (Gap * (c.Count - 1)));
        foreach (var column in columns)
        {
            double extent = column.Sum(n => Across(n, horizontal)) + (Gap * (column.Count - 1));
            double at = start + ((size - extent) / 2);
            foreach (var node in column)
            {
                placements[node] = at;
                at += Across(node, horizontal) + Gap;
            }
        }

        return size;
    }

    /// <summary>Layers: nodes whose extents along the flow overlap (the layered layout aligns them).</summary>
    private static Dictionary<LayoutNode, int> Layers(IReadOnlyList<LayoutNode> nodes, bool horizontal)
    {
        var layers = new Dictionary<LayoutNode, int>();
        int layer = -1;
        double end = double.NegativeInfinity;
        foreach (var node in nodes.OrderBy(n => Along(n, horizontal, -1)).ThenBy(n => n.Index))
        {
            if (Along(node, horizontal, -1) >= end)
            {
                layer++;
            }

            end = Math.Max(end, Along(node, horizontal, 1));
            layers[node] = layer;
        }

        return layers;
    }

    private static IEnumerable<LayoutNode> Members(LayoutCluster cluster) => cluster.Nodes.Concat(cluster.Children.SelectMany(Members));

    private static double Position(LayoutNode node, bool horizontal) => horizontal ? node.Center.Y : node.Center.X;

    private static double Across(LayoutNode node, bool horizontal) => horizontal ? node.Height : node.Width;

    private static double Along(LayoutNode node, bool horizontal, double side) =>
        horizontal ? node.Center.X + (side * node.Width / 2) : node.Center.Y + (side * node.Height / 2);
}
