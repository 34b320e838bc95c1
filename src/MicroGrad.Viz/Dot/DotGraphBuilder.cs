namespace MicroGrad.Viz.Dot;

/// <summary>Collects a drawing's statements into a <see cref="DotGraph"/>: the model <see cref="DotWriter"/> writes as the same bytes.</summary>
internal sealed class DotGraphBuilder : IDotSink
{
    private readonly Stack<DotSubgraph> _open = new();
    private DotGraph? _graph;

    /// <summary>The graph built, once <see cref="IDotSink.EndGraph"/> was called.</summary>
    public DotGraph Graph => _graph ?? throw new InvalidOperationException("The graph has not been begun.");

    public void BeginGraph(DotGraph header) => _graph = header;

    public void Node(NumberedId id, DotAttributes attributes) => Copy(attributes, AddNode(id).Attributes);

    public void Node(NumberedId id, DotTemplate attributes) => Node(id, attributes.Attributes);

    public void RecordNode(NumberedId id, DotRecordBuffer label, string? tooltip, DotTemplate rest)
    {
        var attributes = AddNode(id).Attributes;
        attributes.Set("label", DotValue.FromRecord(label.ToRecord()));
        if (tooltip is not null)
        {
            attributes.Set("tooltip", tooltip);
        }

        Copy(rest.Attributes, attributes);
    }

    public void BeginSubgraph(string id, DotAttributes attributes)
    {
        var subgraph = new DotSubgraph(id);
        Copy(attributes, subgraph.Attributes);
        (_open.TryPeek(out var parent) ? parent.Subgraphs : Graph.Subgraphs).Add(subgraph);
        _open.Push(subgraph);
    }

    public void EndSubgraph() => _open.Pop();

    public void Edge(NumberedId from, NumberedId to, DotTemplate? attributes)
    {
        var edge = Graph.AddEdge(from.ToString(), to.ToString());
        if (attributes is not null)
        {
            Copy(attributes.Attributes, edge.Attributes);
        }
    }

    public void EndGraph()
    {
    }

    private DotNode AddNode(NumberedId id)
    {
        var node = new DotNode(id.ToString());
        (_open.TryPeek(out var subgraph) ? subgraph.Nodes : Graph.Nodes).Add(node);
        return node;
    }

    private static void Copy(DotAttributes from, DotAttributes to)
    {
        foreach (var (name, value) in from)
        {
            to.Set(name, value);
        }
    }
}
