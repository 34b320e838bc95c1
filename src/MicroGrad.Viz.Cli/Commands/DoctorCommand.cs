using System.CommandLine;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Cli.Commands;

/// <summary><c>mgviz doctor</c>: which Graphviz mgviz would use, where, which version, and what to do if none.</summary>
internal sealed class DoctorCommand
{
    private readonly GraphvizCommandOptions _graphviz = new();

    public DoctorCommand()
    {
        Command = new Command("doctor", "Report which Graphviz (dot) mgviz finds, where, and its version, and which renderer 'render --renderer auto' uses; explain how to install Graphviz if missing.");
        _graphviz.AddTo(Command, layout: false);
    }

    public Command Command { get; }

    public GraphvizOptions Bind(ParseResult result) => _graphviz.Bind(result);

    public static async Task<int> RunAsync(GraphvizOptions options, ToolConsole console, CancellationToken cancellationToken)
    {
        var output = console.Out;
        await output.WriteLineAsync($"mgviz {MgvizCommandLine.Version}").ConfigureAwait(false);
        string variable = Environment.GetEnvironmentVariable(GraphvizOptions.DotPathVariable) is { Length: > 0 } value ? value : "(not set)";
        await output.WriteLineAsync($"{GraphvizOptions.DotPathVariable}: {variable}").ConfigureAwait(false);
        try
        {
            var version = await new GraphvizRunner(options).GetVersionAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Graphviz: {version.Path}").ConfigureAwait(false);
            await output.WriteLineAsync($"version: {version.Text}").ConfigureAwait(false);
            await output.WriteLineAsync("renderer (auto): graphviz").ConfigureAwait(false);
            await output.WriteLineAsync("status: ok, mgviz render can write svg, png and pdf").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (GraphvizNotFoundException error)
        {
            await output.WriteLineAsync("Graphviz: not found").ConfigureAwait(false);
            await output.WriteLineAsync($"looked in: {string.Join("; ", error.Searched)}").ConfigureAwait(false);
            // Only an explicit path to dot (option or MGVIZ_DOT) keeps auto on Graphviz when dot is missing.
            bool embedded = new GraphRenderer(options).Choose(GraphvizFormat.Svg) == Renderer.Embedded;
            await output.WriteLineAsync($"renderer (auto): {(embedded ? "embedded (svg only)" : "graphviz (configured path missing)")}").ConfigureAwait(false);
            await output.WriteLineAsync(
                $"status: mgviz render can write {(embedded ? "svg (embedded renderer), " : string.Empty)}dot and json; png and pdf need Graphviz. {GraphvizNotFoundException.InstallHint}").ConfigureAwait(false);
            return ExitCodes.GraphvizNotFound;
        }
    }
}
