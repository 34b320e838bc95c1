namespace MicroGrad;

/// <summary>
/// A graph does not have the shape a <see cref="Tape"/> recorded (see <see cref="Tape.EnsureFits"/>):
/// the code that builds it took another path, so the tape would replay a different computation.
/// </summary>
public sealed class TapeMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public TapeMismatchException()
    {
    }

    /// <summary>Creates the exception with a message that says where the graphs differ.</summary>
    /// <param name="message">The message.</param>
    public TapeMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TapeMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
