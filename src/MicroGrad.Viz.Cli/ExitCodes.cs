namespace MicroGrad.Viz.Cli;

/// <summary>mgviz's exit codes; the README lists them and tests check each one.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary><c>gradcheck</c>: an analytic gradient differs from the numeric one by more than the tolerance.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad command line or program: unknown option, syntax error, unknown name, bad number, …</summary>
    public const int Usage = 2;

    /// <summary>Graphviz's <c>dot</c> was not found or could not start.</summary>
    public const int GraphvizNotFound = 3;

    /// <summary>Graphviz ran and failed (non-zero exit, killed, bad input), or the in-process one crashed (stack, memory).</summary>
    public const int GraphvizFailed = 4;

    /// <summary>Graphviz (native or in-process) ran longer than <c>--timeout</c> and was stopped.</summary>
    public const int GraphvizTimedOut = 5;

    /// <summary>An input file could not be read or the output could not be written.</summary>
    public const int IoError = 6;

    /// <summary>The drawing has more nodes than the size guard allows (<c>--max-nodes</c>); no layout was started.</summary>
    public const int GraphTooLarge = 7;

    /// <summary>A bug in mgviz: please report it with the message.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
