namespace MicroGrad.Viz.Dot;

/// <summary>
/// Attributes many statements share (a node style, an operator's look, an operand mark), written once
/// by <see cref="DotWriter"/> and reused for every statement that carries them.
/// </summary>
internal sealed class DotTemplate(DotAttributes attributes)
{
    /// <summary>The attributes; not to be changed once the template is in use.</summary>
    public DotAttributes Attributes { get; } = attributes;

    /// <summary>The attributes as <see cref="DotWriter"/> writes them, without the brackets (<c>a=1, b=2</c>); set on first use.</summary>
    internal string? Written { get; set; }
}
