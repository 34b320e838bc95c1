namespace MicroGrad.Viz.Graphviz;

/// <summary>Graphviz ran longer than <see cref="GraphvizOptions.Timeout"/> and was killed with its child processes.</summary>
public sealed class GraphvizTimeoutException : GraphvizException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="timeout">The limit that was exceeded.</param>
    /// <param name="arguments">The command line, executable first.</param>
    public GraphvizTimeoutException(TimeSpan timeout, IReadOnlyList<string> arguments)
        : base(
            $"Graphviz did not finish within {timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s and was stopped: " +
            $"{string.Join(' ', arguments ?? throw new ArgumentNullException(nameof(arguments)))}. Large graphs lay out slowly; " +
            "draw a smaller part of the graph or raise the timeout.")
    {
        Timeout = timeout;
        Arguments = arguments;
    }

    /// <summary>The limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The command line, executable first.</summary>
    public IReadOnlyList<string> Arguments { get; }
}
