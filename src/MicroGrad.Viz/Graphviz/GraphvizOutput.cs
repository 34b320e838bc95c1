namespace MicroGrad.Viz.Graphviz;

/// <summary>What an <see cref="IInProcessGraphviz"/> produced.</summary>
/// <param name="Bytes">The rendered output.</param>
/// <param name="Warnings">Warnings Graphviz printed, one per line (e.g. <c>Warning: ...</c>); empty when none.</param>
public sealed record GraphvizOutput(ReadOnlyMemory<byte> Bytes, IReadOnlyList<string> Warnings);
