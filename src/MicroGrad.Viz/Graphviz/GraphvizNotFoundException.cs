namespace MicroGrad.Viz.Graphviz;

/// <summary>Graphviz's <c>dot</c> could not be found or started. The message says where it looked and how to install it.</summary>
public sealed class GraphvizNotFoundException : RenderException
{
    /// <summary>How to install Graphviz on the common systems.</summary>
    internal const string InstallHint =
        "Install Graphviz: Debian/Ubuntu 'sudo apt-get install graphviz'; macOS 'brew install graphviz'; " +
        "Windows 'winget install graphviz' (or choco install graphviz). Or point " + RenderOptions.DotPathVariableName +
        " (or the DotPath option) at the dot executable.";

    /// <summary>Creates the exception.</summary>
    /// <param name="searched">The places that were tried, in order.</param>
    /// <param name="innerException">Why starting it failed, if it was found but would not start.</param>
    public GraphvizNotFoundException(IReadOnlyList<string> searched, Exception? innerException = null)
        : base(BuildMessage(searched, innerException), innerException)
    {
        Searched = searched;
    }

    /// <summary>The places that were tried, in order.</summary>
    public IReadOnlyList<string> Searched { get; }

    private static string BuildMessage(IReadOnlyList<string> searched, Exception? innerException)
    {
        ArgumentNullException.ThrowIfNull(searched);
        string what = innerException is null
            ? "Graphviz (dot) was not found."
            : $"Graphviz (dot) could not be started: {innerException.Message}";
        return what + " Looked in: " + string.Join("; ", searched) + ". " + InstallHint;
    }
}
