namespace MicroGrad.Viz.Cli;

/// <summary>A command-line mistake that is not about the program text (exit code <see cref="ExitCodes.UsageError"/>).</summary>
internal sealed class UsageException(string message) : Exception(message);
