using System.CommandLine;
using System.Globalization;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.Wasm;

namespace MicroGrad.Viz.Cli.Commands;

/// <summary>How to lay a drawing out: <c>--engine</c>, <c>--timeout</c>, <c>--dot-path</c>.</summary>
internal sealed class LayoutCommandOptions
{
    public Option<string?> Engine { get; } = new("--engine")
    {
        Description = $"Graphviz layout engine: {string.Join(", ", Enum.GetValues<LayoutEngine>().Select(GraphvizNames.Name))} (default dot).",
        HelpName = "ENGINE",
    };

    public Option<double?> Timeout { get; } = new("--timeout")
    {
        Description = "Stop the layout (native or in-process Graphviz) after this many seconds (default 60).",
        HelpName = "SECONDS",
    };

    public Option<string?> DotPath { get; } = new("--dot-path")
    {
        Description = "The dot executable to run (default: $MGVIZ_DOT, then PATH).",
        HelpName = "PATH",
    };

    public void AddTo(Command command, bool layout)
    {
        if (layout)
        {
            command.Add(Engine);
            command.Add(Timeout);
        }

        command.Add(DotPath);
    }

    public RenderOptions Bind(ParseResult result)
    {
        // Named explicitly rather than discovered: mgviz is published with NativeAOT as well.
        var options = new RenderOptions { DotPath = result.GetValue(DotPath), InProcess = WasmGraphviz.Shared };
        if (result.GetValue(Engine) is { } engineName)
        {
            if (!GraphvizNames.TryParseEngine(engineName, out var engine))
            {
                throw new UsageException(
                    $"--engine '{engineName}' is not a layout engine; use one of {string.Join(", ", Enum.GetValues<LayoutEngine>().Select(GraphvizNames.Name))}");
            }

            options = options with { Engine = engine };
        }

        if (result.GetValue(Timeout) is double seconds)
        {
            // mgviz's own unit, so its own check: seconds become a TimeSpan before RenderOptions sees them
            // (TimeSpan.FromSeconds throws on its own for NaN and huge values), and a millisecond is the least.
            if (!double.IsFinite(seconds) || seconds < 0.001 || seconds > int.MaxValue / 1000.0)
            {
                throw new UsageException($"--timeout must be a number of seconds from 0.001 to {int.MaxValue / 1000}, got {seconds.ToString(CultureInfo.InvariantCulture)}");
            }

            options = options with { Timeout = TimeSpan.FromSeconds(seconds) };
        }

        return options;
    }
}
