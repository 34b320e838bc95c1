namespace MicroGrad.Viz;

/// <summary>
/// The base of every error about laying out and rendering a drawing, with either Graphviz: catch it
/// to handle them all (<see cref="Graphviz.GraphvizNotFoundException"/>,
/// <see cref="Graphviz.GraphvizFailedException"/>, <see cref="Graphviz.GraphvizCrashedException"/>,
/// <see cref="RenderTimeoutException"/>, <see cref="GraphTooLargeException"/>).
/// </summary>
public abstract class RenderException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    protected RenderException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
