namespace MicroGrad.Viz.Dot;

/// <summary>A node statement: an identifier and its attributes.</summary>
public sealed class DotNode
{
    /// <summary>Creates a node.</summary>
    /// <param name="id">The node's identifier; quoted when written if it is not a simple identifier.</param>
    public DotNode(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>The node's identifier.</summary>
    public string Id { get; }

    /// <summary>The node's attributes, in writing order.</summary>
    public DotAttributes Attributes { get; } = new();
}
