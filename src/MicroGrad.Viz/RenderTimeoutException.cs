using System.Globalization;

namespace MicroGrad.Viz;

/// <summary>
/// A layout ran longer than <see cref="RenderOptions.Timeout"/> and was stopped: a native <c>dot</c>
/// is killed with its child processes, an in-process one interrupted.
/// </summary>
public sealed class RenderTimeoutException : RenderException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="timeout">The limit that was exceeded.</param>
    /// <param name="arguments">What ran: the command line, executable first (for Graphviz in-process, its name and the equivalent options).</param>
    public RenderTimeoutException(TimeSpan timeout, IReadOnlyList<string> arguments)
        : base(
            $"Graphviz did not finish within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s and was stopped: " +
            $"{string.Join(' ', arguments ?? throw new ArgumentNullException(nameof(arguments)))}. Large graphs lay out slowly; " +
            "draw a smaller part of the graph or raise the timeout.")
    {
        Timeout = timeout;
        Arguments = arguments;
    }

    /// <summary>The limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>What ran, executable first.</summary>
    public IReadOnlyList<string> Arguments { get; }
}
