namespace MicroGrad.Viz.Dot;

/// <summary>
/// A small, reusable DOT document: graph, node and edge defaults, nodes and edges, written in the
/// order they were added. Write it with <see cref="DotWriter"/>.
/// </summary>
public sealed class DotGraph
{
    /// <summary>The graph's identifier, if any.</summary>
    public string? Id { get; init; }

    /// <summary>Whether edges are directed (<c>digraph</c>, the default) or not (<c>graph</c>).</summary>
    public bool Directed { get; init; } = true;

    /// <summary>Whether the graph is <c>strict</c> (no multi-edges). Default <see langword="false"/>.</summary>
    public bool Strict { get; init; }

    /// <summary>Graph attributes (<c>graph [...]</c>).</summary>
    public DotAttributes GraphAttributes { get; } = new();

    /// <summary>Defaults for every node (<c>node [...]</c>).</summary>
    public DotAttributes NodeDefaults { get; } = new();

    /// <summary>Defaults for every edge (<c>edge [...]</c>).</summary>
    public DotAttributes EdgeDefaults { get; } = new();

    /// <summary>The nodes, in writing order.</summary>
    public IList<DotNode> Nodes { get; } = [];

    /// <summary>Subgraphs, written after the top-level nodes and before the edges.</summary>
    public IList<DotSubgraph> Subgraphs { get; } = [];

    /// <summary>The edges, in writing order (after all nodes).</summary>
    public IList<DotEdge> Edges { get; } = [];

    /// <summary>The number of nodes, including those declared inside subgraphs.</summary>
    public int NodeCount => EnumerateNodes().Count();

    /// <summary>Every node: the top-level ones, then those of each subgraph, depth first, in writing order.</summary>
    /// <returns>The nodes.</returns>
    public IEnumerable<DotNode> EnumerateNodes()
    {
        foreach (var node in Nodes)
        {
            yield return node;
        }

        var pending = new Stack<DotSubgraph>(Subgraphs.Reverse());
        while (pending.Count > 0)
        {
            var subgraph = pending.Pop();
            foreach (var node in subgraph.Nodes)
            {
                yield return node;
            }

            foreach (var nested in subgraph.Subgraphs.Reverse())
            {
                pending.Push(nested);
            }
        }
    }

    /// <summary>Adds a node and returns it.</summary>
    /// <param name="id">The node's identifier.</param>
    /// <returns>The new node.</returns>
    public DotNode AddNode(string id)
    {
        var node = new DotNode(id);
        Nodes.Add(node);
        return node;
    }

    /// <summary>Adds an edge and returns it.</summary>
    /// <param name="from">The tail node's identifier.</param>
    /// <param name="to">The head node's identifier.</param>
    /// <returns>The new edge.</returns>
    public DotEdge AddEdge(string from, string to)
    {
        var edge = new DotEdge(from, to);
        Edges.Add(edge);
        return edge;
    }

    /// <summary>The graph as DOT text (see <see cref="DotWriter"/>).</summary>
    /// <returns>DOT text with <c>\n</c> line endings.</returns>
    public override string ToString() => DotWriter.ToDot(this);
}
