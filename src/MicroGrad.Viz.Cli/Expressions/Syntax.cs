namespace MicroGrad.Viz.Cli.Expressions;

/// <summary>An expression of the mgviz language.</summary>
internal abstract record Expr(SourceSpan Span)
{
    /// <summary>How many levels the tree below (and including) this node has: the parser bounds it.</summary>
    public abstract int Depth { get; }
}

internal sealed record NumberExpr(double Number, SourceSpan Span) : Expr(Span)
{
    public override int Depth => 1;
}

internal sealed record NameExpr(string Name, SourceSpan Span) : Expr(Span)
{
    public override int Depth => 1;
}

internal sealed record NegateExpr(Expr Operand, SourceSpan Span) : Expr(Span)
{
    public override int Depth { get; } = 1 + Operand.Depth;
}

internal sealed record BinaryExpr(TokenKind Op, Expr Left, Expr Right, SourceSpan Span) : Expr(Span)
{
    public override int Depth { get; } = 1 + Math.Max(Left.Depth, Right.Depth);
}

internal sealed record CallExpr(string Function, IReadOnlyList<Expr> Arguments, SourceSpan Span) : Expr(Span)
{
    public override int Depth { get; } = 1 + Arguments.Select(a => a.Depth).DefaultIfEmpty(0).Max();
}

/// <summary><c>name = value</c>, or a bare expression (only as the last statement) when <see cref="Name"/> is null.</summary>
internal sealed record Statement(string? Name, SourceSpan NameSpan, Expr Value);
