namespace MicroGrad.Viz.Embedded;

/// <summary>A point in SVG user units (points); y grows downwards.</summary>
internal readonly record struct LayoutPoint(double X, double Y)
{
    public static LayoutPoint operator +(LayoutPoint a, LayoutPoint b) => new(a.X + b.X, a.Y + b.Y);

    public static LayoutPoint operator -(LayoutPoint a, LayoutPoint b) => new(a.X - b.X, a.Y - b.Y);

    public static LayoutPoint operator *(LayoutPoint a, double k) => new(a.X * k, a.Y * k);

    public double Dot(LayoutPoint other) => (X * other.X) + (Y * other.Y);
}

/// <summary>An axis-aligned rectangle: top-left corner and size.</summary>
internal readonly record struct LayoutRect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public bool Overlaps(LayoutRect other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    public bool Contains(LayoutRect other, double tolerance = 1e-6) =>
        other.X >= X - tolerance && other.Y >= Y - tolerance
        && other.Right <= Right + tolerance && other.Bottom <= Bottom + tolerance;
}

/// <summary>How a node is outlined.</summary>
internal enum LayoutShape
{
    Record,
    Ellipse,
    Box,
}

/// <summary>
/// One field of a record (text) or a group of fields laid out along one axis; the whole label of a
/// non-record node is a single text cell.
/// </summary>
internal sealed class LayoutCell
{
    public LayoutCell(IReadOnlyList<string> lines) => Lines = lines;

    public LayoutCell(IReadOnlyList<LayoutCell> children, bool horizontal)
    {
        Lines = [];
        Children = children;
        Horizontal = horizontal;
    }

    /// <summary>The text lines of a field; empty for a group.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The fields of a group, or null for a text field.</summary>
    public IReadOnlyList<LayoutCell>? Children { get; }

    /// <summary>Whether a group's fields sit side by side (otherwise stacked).</summary>
    public bool Horizontal { get; }

    /// <summary>Where the cell is drawn (set by the layout).</summary>
    public LayoutRect Bounds { get; set; }

    /// <summary>Every text cell inside this one, in reading order.</summary>
    public IEnumerable<LayoutCell> TextCells() =>
        Children is null ? [this] : Children.SelectMany(child => child.TextCells());
}

/// <summary>The visual attributes the embedded renderer understands, read from DOT attributes.</summary>
internal sealed record LayoutStyle(
    string? Fill,
    string Stroke,
    string FontColor,
    double PenWidth,
    bool Dashed,
    bool Dotted,
    bool Rounded,
    bool Invisible,
    string FontFamily);

/// <summary>A node with its size, place and contents.</summary>
internal sealed class LayoutNode
{
    public LayoutNode(int index, string id, LayoutShape shape, LayoutCell content, LayoutStyle style)
    {
        Index = index;
        Id = id;
        Shape = shape;
        Content = content;
        Style = style;
    }

    /// <summary>Position in the DOT graph's node order (Graphviz numbers SVG groups the same way).</summary>
    public int Index { get; }

    public string Id { get; }

    public LayoutShape Shape { get; }

    public LayoutCell Content { get; }

    public LayoutStyle Style { get; }

    public double Width { get; set; }

    public double Height { get; set; }

    /// <summary>The centre.</summary>
    public LayoutPoint Center { get; set; }

    public LayoutRect Bounds => new(Center.X - (Width / 2), Center.Y - (Height / 2), Width, Height);

    // Identity is the node's place in the graph, so hash-based collections inside the layout
    // library iterate the same way in every process.
    public override int GetHashCode() => Index;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
}

/// <summary>An edge drawn as cubic segments through <see cref="Points"/>, ending in an arrowhead.</summary>
internal sealed class LayoutEdge
{
    public LayoutEdge(int index, LayoutNode from, LayoutNode to, LayoutStyle style)
    {
        Index = index;
        From = from;
        To = to;
        Style = style;
    }

    public int Index { get; }

    public LayoutNode From { get; }

    public LayoutNode To { get; }

    public LayoutStyle Style { get; }

    /// <summary>Start (on the source's border), bends, and the arrowhead's base.</summary>
    public IList<LayoutPoint> Points { get; } = [];

    /// <summary>The arrowhead's tip, on the target's border.</summary>
    public LayoutPoint Tip { get; set; }

    /// <summary>The unit vector the arrow points along at its tip.</summary>
    public LayoutPoint TipDirection { get; set; }

    public LayoutPoint Start => Points[0];
}

/// <summary>A cluster drawn around its nodes (and nested clusters).</summary>
internal sealed class LayoutCluster
{
    public LayoutCluster(string id, string? label, LayoutStyle style, IReadOnlyList<LayoutNode> nodes)
    {
        Id = id;
        Label = label;
        Style = style;
        Nodes = nodes;
    }

    public string Id { get; }

    public string? Label { get; }

    public LayoutStyle Style { get; }

    public IReadOnlyList<LayoutNode> Nodes { get; }

    public IList<LayoutCluster> Children { get; } = [];

    public LayoutRect Bounds { get; set; }
}

/// <summary>A laid-out graph, ready to be written as SVG.</summary>
internal sealed class GraphLayout
{
    public required IReadOnlyList<LayoutNode> Nodes { get; init; }

    public required IReadOnlyList<LayoutEdge> Edges { get; init; }

    /// <summary>Clusters in drawing order: parents before their children.</summary>
    public required IReadOnlyList<LayoutCluster> Clusters { get; init; }

    public required string GraphId { get; init; }

    public string? Title { get; init; }

    public LayoutPoint TitleAt { get; init; }

    /// <summary>The unit vector edges flow along (LR: +x, TB: +y).</summary>
    public LayoutPoint Flow { get; init; }

    public double Width { get; init; }

    public double Height { get; init; }

    public required string FontFamily { get; init; }
}
