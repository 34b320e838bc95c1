namespace MicroGrad.Viz.Graphviz;

/// <summary>
/// An in-process Graphviz stopped abnormally: it ran out of stack (very deep graphs) or out of its
/// memory limit, or hit an internal error. The process carries on; the Graphviz instance that
/// failed is discarded and the next rendering starts afresh.
/// </summary>
public sealed class GraphvizCrashedException : RenderException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The underlying error.</param>
    public GraphvizCrashedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
