namespace MicroGrad.Viz.Dot;

/// <summary>An edge statement between two node identifiers, optionally attached to record ports.</summary>
public sealed class DotEdge
{
    /// <summary>Creates an edge.</summary>
    /// <param name="from">The tail node's identifier.</param>
    /// <param name="to">The head node's identifier.</param>
    public DotEdge(string from, string to)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        From = from;
        To = to;
    }

    /// <summary>The tail node's identifier.</summary>
    public string From { get; }

    /// <summary>The head node's identifier.</summary>
    public string To { get; }

    /// <summary>The tail's record port, if any.</summary>
    public string? FromPort { get; init; }

    /// <summary>The head's record port, if any.</summary>
    public string? ToPort { get; init; }

    /// <summary>The edge's attributes, in writing order (created on first use: most edges have none).</summary>
    public DotAttributes Attributes => _attributes ??= new();

    /// <summary>Whether any attribute has been set.</summary>
    public bool HasAttributes => _attributes is { Count: > 0 };

    private DotAttributes? _attributes;
}
