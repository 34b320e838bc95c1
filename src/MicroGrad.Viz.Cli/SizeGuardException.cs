namespace MicroGrad.Viz.Cli;

/// <summary>
/// The drawing is over the size guard (exit code <see cref="ExitCodes.GraphTooLarge"/>), explained
/// in mgviz's options rather than the library's types.
/// </summary>
internal sealed class SizeGuardException : Exception
{
    public SizeGuardException(GraphTooLargeException inner, bool plain)
        : base(Explain(inner.NodeCount, inner.Limit, plain), inner)
    {
    }

    private static string Explain(int nodes, int limit, bool plain) =>
        $"the drawing has {nodes} nodes, more than the limit of {limit} (--max-nodes): the layout would take minutes and the picture would be unreadable; nothing was written. " +
        (plain
            ? "--plain turned the automatic views off: without it, mgviz folds constants and collapses sums and modules of big graphs. Or choose views yourself: --fold-constants, --collapse-chains, --collapse-terms, "
            : "Make it smaller with --fold-constants, --collapse-chains, --collapse-terms, ") +
        "--modules collapsed (add --module-depth 1 to collapse whole layers), --focus NAME, or draw part of the program with --root NAME. " +
        "To draw it anyway: --force, or --max-nodes N.";
}
