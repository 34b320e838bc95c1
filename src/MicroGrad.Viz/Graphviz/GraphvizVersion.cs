namespace MicroGrad.Viz.Graphviz;

/// <summary>Which Graphviz was found: where, and what <c>dot -V</c> said.</summary>
/// <param name="Path">The full path of the <c>dot</c> executable.</param>
/// <param name="Text">The line <c>dot -V</c> printed (to standard error), e.g. <c>dot - graphviz version 2.43.0 (0)</c>.</param>
/// <param name="Version">The version number, when the line has one.</param>
public sealed record GraphvizVersion(string Path, string Text, Version? Version);
