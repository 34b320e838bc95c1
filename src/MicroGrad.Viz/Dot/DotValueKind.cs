namespace MicroGrad.Viz.Dot;

/// <summary>The kinds of <see cref="DotValue"/>.</summary>
public enum DotValueKind
{
    /// <summary>Plain text, escaped for a quoted DOT string.</summary>
    Text,

    /// <summary>An HTML-like label, written as it is between angle brackets.</summary>
    Html,

    /// <summary>A record label whose field texts are escaped for records.</summary>
    Record,
}
