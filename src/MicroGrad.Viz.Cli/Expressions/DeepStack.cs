using System.Runtime.ExceptionServices;

namespace MicroGrad.Viz.Cli.Expressions;

/// <summary>
/// Runs the passes over a program's syntax tree (parsing, name checks, building the graph) on a
/// thread whose stack holds <see cref="Parser.MaxDepth"/> levels of each of them. The tree is
/// bounded by the parser; the stack is sized for the bound, whatever thread mgviz was called on
/// (a thread-pool thread has 1.5 MiB).
/// </summary>
internal static class DeepStack
{
    /// <summary>256 MiB of address space, committed only as far as it is used.</summary>
    public const int StackBytes = 256 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
#pragma warning disable CA1031 // Handed back to the calling thread unchanged.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            },
            StackBytes)
        {
            Name = "mgviz program",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
