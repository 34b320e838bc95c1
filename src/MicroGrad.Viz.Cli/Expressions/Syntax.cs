namespace MicroGrad.Viz.Cli.Expressions;

/// <summary>An expression of the mgviz language.</summary>
internal abstract record Expr(SourceSpan Span);

internal sealed record NumberExpr(double Number, SourceSpan Span) : Expr(Span);

internal sealed record NameExpr(string Name, SourceSpan Span) : Expr(Span);

internal sealed record NegateExpr(Expr Operand, SourceSpan Span) : Expr(Span);

internal sealed record BinaryExpr(TokenKind Op, Expr Left, Expr Right, SourceSpan Span) : Expr(Span);

internal sealed record CallExpr(string Function, IReadOnlyList<Expr> Arguments, SourceSpan Span) : Expr(Span);

/// <summary><c>name = value</c>, or a bare expression (only as the last statement) when <see cref="Name"/> is null.</summary>
internal sealed record Statement(string? Name, SourceSpan NameSpan, Expr Value);
