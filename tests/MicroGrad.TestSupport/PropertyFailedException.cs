namespace MicroGrad.TestSupport;

/// <summary>A property failed on a reproducible case (see <see cref="Property"/>).</summary>
internal sealed class PropertyFailedException(string message, Exception inner) : Exception(message, inner);
