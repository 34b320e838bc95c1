namespace MicroGrad.Viz.Graphviz;

/// <summary>
/// Graphviz rejected the input or failed: a non-zero exit code, an <c>Error:</c> line (see <see cref="GraphvizRules"/>),
/// or warnings with <see cref="RenderOptions.WarningsAsErrors"/>.
/// </summary>
public sealed class GraphvizFailedException : RenderException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="exitCode">The exit code (0 when Graphviz exited normally but reported an error, or warnings were treated as errors).</param>
    /// <param name="arguments">The command line, executable first.</param>
    /// <param name="standardError">What Graphviz wrote to standard error (possibly truncated).</param>
    public GraphvizFailedException(int exitCode, IReadOnlyList<string> arguments, string standardError)
        : base(BuildMessage(exitCode, arguments, standardError))
    {
        ExitCode = exitCode;
        Arguments = arguments;
        StandardError = standardError;
    }

    /// <summary>The exit code; on Unix, 128 + N means the process was killed by signal N.</summary>
    public int ExitCode { get; }

    /// <summary>The command line, executable first.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>What Graphviz wrote to standard error (at most about a megabyte).</summary>
    public string StandardError { get; }

    private static string BuildMessage(int exitCode, IReadOnlyList<string> arguments, string standardError)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(standardError);
        string how = exitCode switch
        {
            0 when GraphvizRules.HasError(standardError) => "Graphviz reported an error",
            0 => "Graphviz reported warnings, which are treated as errors",
            > 128 and < 160 when !OperatingSystem.IsWindows() => $"Graphviz was killed by signal {exitCode - 128} (exit code {exitCode})",
            < 0 => $"Graphviz was killed (exit code {exitCode})",
            _ => $"Graphviz failed with exit code {exitCode}",
        };
        string detail = standardError.Trim();
        if (detail.Length > 2000)
        {
            detail = detail[..2000] + " …";
        }

        return $"{how}: {string.Join(' ', arguments)}" + (detail.Length > 0 ? Environment.NewLine + detail : " (no message on standard error)");
    }
}
