namespace MicroGrad.Viz.Cli;

/// <summary>
/// mgviz's exit codes, named for what they mean. <see cref="All"/> is the one table: mgviz's help is
/// generated from it and a test checks the table of docs/mgviz.md against it.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary><c>gradcheck</c>: an analytic gradient differs from the numeric one by more than the tolerance.</summary>
    public const int GradientMismatch = 1;

    /// <summary>Bad command line or program: unknown option, syntax error, unknown name, bad number, …</summary>
    public const int UsageError = 2;

    /// <summary>The native Graphviz (<c>dot</c>) was needed and is not installed, or would not start.</summary>
    public const int GraphvizNotFound = 3;

    /// <summary>Graphviz failed: non-zero exit, killed, bad input; or Graphviz in-process ran out of stack or memory.</summary>
    public const int RenderFailed = 4;

    /// <summary>The layout (native or in-process) ran longer than <c>--timeout</c> and was stopped.</summary>
    public const int TimedOut = 5;

    /// <summary>An input file could not be read or the output could not be written.</summary>
    public const int FileError = 6;

    /// <summary>The drawing has more nodes than the size guard allows (<c>--max-nodes</c>); no layout was started.</summary>
    public const int GraphTooLarge = 7;

    /// <summary>A bug in mgviz: please report it with the message.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl+C): 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Every exit code with its meaning, as help and docs/mgviz.md print it.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Success, "success"),
        (GradientMismatch, "gradcheck: a gradient is off by more than the tolerance"),
        (UsageError, "bad command line or program"),
        (GraphvizNotFound, "the native Graphviz (dot) is needed and not found"),
        (RenderFailed, "Graphviz failed, or Graphviz in-process ran out of stack or memory"),
        (TimedOut, "the layout timed out (--timeout) and was stopped"),
        (FileError, "a file could not be read or written"),
        (GraphTooLarge, "the drawing is over the size guard (--max-nodes); no layout was started"),
        (InternalError, "internal error: a bug in mgviz, please report the message"),
        (Interrupted, "interrupted (Ctrl+C)"),
    ];

    /// <summary>The table as help prints it: one line per code.</summary>
    public static string Help =>
        "Exit codes:\n" + string.Join('\n', All.Select(e => $"  {e.Code,3}  {e.Meaning}"));
}
