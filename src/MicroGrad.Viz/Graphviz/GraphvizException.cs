namespace MicroGrad.Viz.Graphviz;

/// <summary>The base of every error about running Graphviz; catch it to handle them all.</summary>
public abstract class GraphvizException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    protected GraphvizException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
