using System.Globalization;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Embedded;

/// <summary>
/// The embedded renderer's layout ran longer than <see cref="GraphvizOptions.Timeout"/> and was
/// stopped. Like Graphviz's failures it derives from <see cref="GraphvizException"/>, so one catch
/// covers every way rendering can fail.
/// </summary>
public sealed class EmbeddedLayoutTimeoutException : GraphvizException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="nodeCount">The nodes of the drawing.</param>
    /// <param name="timeout">The time it was allowed.</param>
    public EmbeddedLayoutTimeoutException(int nodeCount, TimeSpan timeout)
        : base(
            $"The embedded renderer did not lay out {nodeCount} nodes within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s and was stopped. " +
            "Its layered layout slows down sharply on wide graphs: make the drawing smaller with the views (collapse modules, " +
            "draw a part with focus), install Graphviz, or raise the timeout.")
    {
        NodeCount = nodeCount;
        Timeout = timeout;
    }

    /// <summary>The nodes of the drawing.</summary>
    public int NodeCount { get; }

    /// <summary>The time it was allowed.</summary>
    public TimeSpan Timeout { get; }
}
