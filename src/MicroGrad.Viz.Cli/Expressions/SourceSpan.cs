namespace MicroGrad.Viz.Cli.Expressions;

/// <summary>Where a piece of a program stands: 1-based line and column, and length in characters.</summary>
internal readonly record struct SourceSpan(int Line, int Column, int Length);
