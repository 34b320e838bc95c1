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
          mgviz render -f model.mg --format json > graph.json
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
        Render.Command.SetAction((result, ct) => GuardAsync(console, () => RenderCommand.RunAsync(Render.Bind(result), console, ct)));
        GradCheck.Command.SetAction((result, ct) => GuardAsync(console, () => GradCheckCommand.RunAsync(GradCheck.Bind(result), console)));
        Doctor.Command.SetAction((result, ct) => GuardAsync(console, () => DoctorCommand.RunAsync(Doctor.Bind(result), console, ct)));

        var parsed = Root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync($"mgviz: error: {error.Message}").ConfigureAwait(false);
            }

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
            var (code, message) = exception switch
            {
                ExpressionException e => (ExitCodes.UsageError, "error: " + e.Describe()),
                UsageException e => (ExitCodes.UsageError, "error: " + e.Message),
                GraphTooLargeException e => (ExitCodes.GraphTooLarge, "error: " + e.Message),
                GraphvizNotFoundException e => (ExitCodes.GraphvizNotFound, "error: " + e.Message),
                RenderTimeoutException e => (ExitCodes.TimedOut, "error: " + e.Message),
                RenderException e => (ExitCodes.RenderFailed, "error: " + e.Message),
                OperationCanceledException => (ExitCodes.Interrupted, "interrupted"),
                IOException or UnauthorizedAccessException => (ExitCodes.FileError, "error: " + exception.Message),
                _ => (ExitCodes.InternalError, $"internal error (please report it): {exception}"),
            };
            await console.Error.WriteLineAsync("mgviz: " + message).ConfigureAwait(false);
            return code;
        }
    }
}
