using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;
using MicroGrad.Viz.Cli.Commands;
using MicroGrad.Viz.Cli.Expressions;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Cli;

/// <summary>
/// The command line: parses arguments into settings (tested apart from running), runs a command,
/// and turns every user mistake and tool failure into a message and an exit code.
/// </summary>
internal sealed class MgvizCommandLine
{
    public const string Examples = """
        Examples:
          mgviz render "e = a*b; d = e + c; L = d*f" --set a=2 --set b=-3 --set c=10 --set f=-2 -o L.svg
          mgviz render "o = tanh(x1*w1 + x2*w2 + b)" --set x1=2 --set x2=0 --set w1=-3 --set w2=1 --set b=6.8813735870195432 --color-grad -o neuron.png
          mgviz render -f examples/programs/seed.mg --set a=3 --format json > graph.json
          mgviz render -f examples/programs/seed.mg -o seed.svg --watch
          mgviz gradcheck "y = x**3 / (1 + exp(-x))" --set x=0.5
          mgviz doctor
        """;

    public MgvizCommandLine()
    {
        Root = new RootCommand("mgviz: draw micrograd-style computation graphs and check their gradients.\n\n" + Examples + "\n\n" + ExitCodes.Help);
        Root.Add(Render.Command);
        Root.Add(GradCheck.Command);
        Root.Add(Doctor.Command);
    }

    public static string Version { get; } =
        typeof(MgvizCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public RootCommand Root { get; }

    public RenderCommand Render { get; } = new();

    public GradCheckCommand GradCheck { get; } = new();

    public DoctorCommand Doctor { get; } = new();

    public static Task<int> RunAsync(string[] args, ToolConsole console, CancellationToken cancellationToken = default) =>
        new MgvizCommandLine().InvokeAsync(args, console, cancellationToken);

    public async Task<int> InvokeAsync(string[] args, ToolConsole console, CancellationToken cancellationToken)
    {
        Render.Command.SetAction((result, ct) => GuardAsync(console, () => FailIfAsked() ?? RenderCommand.RunAsync(Render.Bind(result), console, ct)));
        GradCheck.Command.SetAction((result, ct) => GuardAsync(console, () => GradCheckCommand.RunAsync(GradCheck.Bind(result), console)));
        Doctor.Command.SetAction((result, ct) => GuardAsync(console, () => DoctorCommand.RunAsync(Doctor.Bind(result), console, ct)));

        // No response files: a program is an argument, and one starting with '@' must not be read as a file name.
        var parsed = Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            // One message per mistake: System.CommandLine reports a wrong command twice (no command,
            // and an unrecognised argument); later errors are usually echoes of the first.
            string message = args is [{ } first, ..] && !first.StartsWith('-') && Root.Subcommands.All(c => c.Name != first)
                ? UnknownCommand(first)
                : parsed.Errors[0].Message;
            await console.Error.WriteLineAsync($"mgviz: error: {Bounded(message)}").ConfigureAwait(false);
            await console.Error.WriteLineAsync("Run 'mgviz --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        if (args.Length == 0)
        {
            await console.Error.WriteLineAsync("mgviz: error: no command; use render, gradcheck or doctor. Run 'mgviz --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"'rendr' is not a command", with the command it most likely meant.</summary>
    private string UnknownCommand(string given)
    {
        string[] commands = [.. Root.Subcommands.Select(c => c.Name)];
        string? closest = commands
            .Select(c => (Name: c, Distance: EditDistance(given.ToLowerInvariant(), c)))
            .Where(c => c.Distance <= Math.Max(1, c.Name.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
        string shown = given.Length > 40 ? given[..40] + "…" : given;
        return $"'{shown}' is not a command; use {string.Join(", ", commands)}" + (closest is null ? string.Empty : $". Did you mean '{closest}'?");
    }

    /// <summary>Levenshtein distance, for suggestions.</summary>
    private static int EditDistance(string a, string b)
    {
        if (a.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The most a message may say: names and lines a user wrote can be megabytes long.</summary>
    public const int MaxMessageChars = 4000;

    /// <summary>A message cut to <see cref="MaxMessageChars"/>, saying so where it is cut.</summary>
    internal static string Bounded(string message) =>
        message.Length <= MaxMessageChars ? message : string.Concat(message.AsSpan(0, MaxMessageChars), " … [message cut at ", MaxMessageChars.ToString(System.Globalization.CultureInfo.InvariantCulture), " characters]");

    /// <summary>
    /// A deliberate bug on request (<c>MGVIZ_TEST_INTERNAL_ERROR=1</c>), so that a test can check through
    /// a real process that an unexpected exception ends in the internal-error message and exit code 70.
    /// </summary>
    private static Task<int>? FailIfAsked() =>
        Environment.GetEnvironmentVariable("MGVIZ_TEST_INTERNAL_ERROR") == "1"
            ? throw new InvalidOperationException("a deliberate internal error (MGVIZ_TEST_INTERNAL_ERROR=1)")
            : null;

    internal static async Task<int> GuardAsync(ToolConsole console, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every failure ends in a message and an exit code, never a stack trace for a user mistake.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var (code, message) = Describe(exception);
            await console.Error.WriteLineAsync("mgviz: " + message).ConfigureAwait(false);
            return code;
        }
    }

    /// <summary>The exit code and the bounded message (without the <c>mgviz: </c> prefix) of a failure.</summary>
    internal static (int Code, string Message) Describe(Exception exception)
    {
        var (code, message) = exception switch
        {
            ExpressionException e => (ExitCodes.UsageError, "error: " + e.Describe()),
            UsageException e => (ExitCodes.UsageError, "error: " + e.Message),
            SizeGuardException e => (ExitCodes.GraphTooLarge, "error: " + e.Message),
            GraphTooLargeException e => (ExitCodes.GraphTooLarge, "error: " + e.Message),
            GraphvizNotFoundException e => (ExitCodes.GraphvizNotFound, "error: " + e.Message),
            RenderTimeoutException e => (ExitCodes.TimedOut, "error: " + e.Message),
            RenderException e => (ExitCodes.RenderFailed, "error: " + e.Message),
            OperationCanceledException => (ExitCodes.Interrupted, "interrupted"),
            IOException or UnauthorizedAccessException => (ExitCodes.FileError, "error: " + exception.Message),
            _ => (ExitCodes.InternalError, $"internal error (please report it): {exception}"),
        };
        return (code, Bounded(message));
    }
}
