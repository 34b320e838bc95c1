using System.Globalization;

namespace MicroGrad.Viz.Cli;

/// <summary>A command-line mistake that is not about the program text (exit code <see cref="ExitCodes.UsageError"/>).</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>
    /// Sets an option through the options record, which checks its own range (mgviz does not repeat
    /// it), and says a broken rule with the flag's name: <c>--precision must be between 0 and 15, got 16</c>.
    /// </summary>
    /// <param name="flag">The flag as typed on the command line.</param>
    /// <param name="given">The value given to it.</param>
    /// <param name="set">Sets the property; throws the record's <see cref="ArgumentOutOfRangeException"/>.</param>
    public static T Checked<T>(string flag, object given, Func<T> set)
    {
        try
        {
            return set();
        }
        catch (ArgumentOutOfRangeException error) when (error.ParamName is { Length: > 0 } property && error.Message.StartsWith(property + " ", StringComparison.Ordinal))
        {
            // "Precision must be between 0 and 15. (Parameter 'Precision')…" → "must be between 0 and 15"
            string message = error.Message;
            int end = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            string rule = message[(property.Length + 1)..(end < 0 ? message.Length : end)].TrimEnd('.');
            throw new UsageException($"{flag} {rule}, got {Convert.ToString(given, CultureInfo.InvariantCulture)}");
        }
    }
}
