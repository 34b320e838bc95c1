namespace MicroGrad.Viz.Dot;

/// <summary>
/// A subgraph: nodes declared inside it belong to it. An id starting with <c>cluster</c> makes
/// Graphviz draw it as a box around its nodes.
/// </summary>
public sealed class DotSubgraph
{
    /// <summary>Creates a subgraph.</summary>
    /// <param name="id">Its identifier, e.g. <c>cluster_0</c>.</param>
    public DotSubgraph(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>The subgraph's identifier.</summary>
    public string Id { get; }

    /// <summary>The subgraph's attributes (<c>label</c>, <c>style</c>, <c>color</c>, …).</summary>
    public DotAttributes Attributes { get; } = new();

    /// <summary>Nodes declared inside the subgraph, in writing order.</summary>
    public IList<DotNode> Nodes { get; } = [];

    /// <summary>Nested subgraphs, in writing order.</summary>
    public IList<DotSubgraph> Subgraphs { get; } = [];
}
