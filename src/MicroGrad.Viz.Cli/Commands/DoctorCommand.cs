using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.Wasm;

namespace MicroGrad.Viz.Cli.Commands;

/// <summary>
/// <c>mgviz doctor</c>: both Graphviz mgviz can use — the native <c>dot</c> (where, which version)
/// and the in-process one (which version, ready or not) — and which one <c>render</c> picks.
/// </summary>
internal sealed class DoctorCommand
{
    private readonly LayoutCommandOptions _layout = new();

    public DoctorCommand()
    {
        Command = new Command("doctor", "Report the native Graphviz (dot) mgviz finds, where and which version, check Graphviz in-process, and say which one 'render' uses; explain how to install Graphviz if missing.");
        _layout.AddTo(Command, layout: false);
    }

    public Command Command { get; }

    public RenderOptions Bind(ParseResult result) => _layout.Bind(result);

    public static async Task<int> RunAsync(RenderOptions options, ToolConsole console, CancellationToken cancellationToken)
    {
        var output = console.Out;
        await output.WriteLineAsync($"mgviz {MgvizCommandLine.Version}").ConfigureAwait(false);
        string variable = Environment.GetEnvironmentVariable(RenderOptions.DotPathVariable) is { Length: > 0 } value ? value : "(not set)";
        await output.WriteLineAsync($"{RenderOptions.DotPathVariable}: {variable}").ConfigureAwait(false);

        bool native;
        try
        {
            var version = await new NativeGraphviz(options.DotPath).GetVersionAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"native Graphviz: {version.Path}").ConfigureAwait(false);
            await output.WriteLineAsync($"version: {version.Text}").ConfigureAwait(false);
            native = true;
        }
        catch (GraphvizNotFoundException error)
        {
            await output.WriteLineAsync("native Graphviz: not found").ConfigureAwait(false);
            await output.WriteLineAsync($"looked in: {string.Join("; ", error.Searched)}").ConfigureAwait(false);
            native = false;
        }

        bool inProcess = await CheckInProcessAsync(options, output, cancellationToken).ConfigureAwait(false);
        var renderer = new GraphRenderer(options);
        var auto = renderer.Choose(OutputFormat.Svg);
        await output.WriteLineAsync($"renderer (auto): {(auto == GraphvizChoice.Native ? "native" : "inprocess")}").ConfigureAwait(false);
        if (native)
        {
            await output.WriteLineAsync("status: ok, mgviz render can write svg, png and pdf").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (inProcess && auto == GraphvizChoice.InProcess)
        {
            await output.WriteLineAsync(
                "status: ok, mgviz render can write svg, png and pdf (Graphviz in-process)").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        // Only an explicit path to dot (option or MGVIZ_DOT) keeps auto on the missing native Graphviz.
        await output.WriteLineAsync(
            $"status: mgviz render can write dot and json only{(auto == GraphvizChoice.Native ? " (a path to dot is configured but missing)" : string.Empty)}. {GraphvizNotFoundException.InstallHint}").ConfigureAwait(false);
        return ExitCodes.GraphvizNotFound;
    }

    /// <summary>Loads the in-process Graphviz and draws a two-node graph with it.</summary>
    private static async Task<bool> CheckInProcessAsync(RenderOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.InProcess is not { } inProcess)
        {
            await output.WriteLineAsync("in-process Graphviz: not available").ConfigureAwait(false);
            return false;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            await inProcess.RenderAsync("digraph { a -> b }", OutputFormat.Svg, LayoutEngine.Dot, Stream.Null, cancellationToken).ConfigureAwait(false);
            string milliseconds = clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            string what = inProcess is WasmGraphviz ? $"{WasmGraphviz.Version} (WebAssembly under Wasmtime)" : inProcess.Name;
            await output.WriteLineAsync($"in-process Graphviz: {what}, ready in {milliseconds} ms").ConfigureAwait(false);
            if (inProcess is WasmGraphviz)
            {
                await output.WriteLineAsync($"module: sha256 {WasmGraphviz.ModuleSha256}; compiled code cached in {WasmGraphviz.CacheFile ?? "(cache off)"}").ConfigureAwait(false);
            }

            return true;
        }
        catch (RenderException error)
        {
            await output.WriteLineAsync($"in-process Graphviz: failed: {error.Message}").ConfigureAwait(false);
            return false;
        }
    }
}
