using System.CommandLine;
using MicroGrad.Viz.Cli.Expressions;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Formats;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.Wasm;

namespace MicroGrad.Viz.Cli.Commands;

/// <summary><c>mgviz render</c>: evaluate a program, back-propagate, and draw it.</summary>
internal sealed class RenderCommand
{
    private readonly ProgramOptions _program = new();
    private readonly LayoutCommandOptions _layout = new();

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = $"Write to PATH; the extension picks the format ({OutputFormats.Extensions}). '-' or no -o: standard output.",
        HelpName = "PATH",
    };

    private readonly Option<string?> _format = new("--format")
    {
        Description = "Default: from -o, else dot. " + string.Join("; ", OutputFormats.All.Select(f => $"{f.Name}: {f.Description}")) + ".",
        HelpName = "FORMAT",
    };

    private readonly Option<string?> _rankdir = new("--rankdir") { Description = "LR (default) or TB.", HelpName = "DIR" };
    private readonly Option<int?> _precision = new("--precision") { Description = "Decimals for data and grad, 0-15 (default 4).", HelpName = "N" };
    private readonly Option<bool> _foldConstants = new("--fold-constants") { Description = "Draw '* 2' instead of a node for the constant 2 (automatic above 200 values)." };
    private readonly Option<bool> _collapseChains = new("--collapse-chains") { Description = "Draw a + b + c + ... as one n-ary 'Σ (n)' node (automatic above 200 values)." };
    private readonly Option<bool> _collapseTerms = new("--collapse-terms") { Description = "Hide the single-use w*x terms of an n-ary sum: 'Σ (n terms)' (automatic above 200 values)." };
    private readonly Option<string?> _modules = new("--modules") { Description = "none, clusters (a box per module run) or collapsed (one node per module run; automatic above 1000 values).", HelpName = "VIEW" };
    private readonly Option<int?> _moduleDepth = new("--module-depth") { Description = "Collapse modules at this depth: 1 = layers (default), 2 = neurons.", HelpName = "N" };
    private readonly Option<string?> _focus = new("--focus") { Description = "Draw only around the value named NAME; the rest becomes stubs that count what they hide.", HelpName = "NAME" };
    private readonly Option<int?> _focusDepth = new("--focus-depth") { Description = "With --focus: keep values within N edges (default: NAME and all its inputs).", HelpName = "N" };
    private readonly Option<bool> _plain = new("--plain") { Description = "Turn the automatic views off: draw every value (big graphs may hit the size guard)." };
    private readonly Option<int?> _maxNodes = new("--max-nodes") { Description = "Refuse to lay out more nodes than this (default 2000).", HelpName = "N" };
    private readonly Option<bool> _force = new("--force") { Description = "Lay out the drawing whatever its size." };
    private readonly Option<bool> _colorGrad = new("--color-grad") { Description = "Colour values by gradient: red positive, blue negative." };
    private readonly Option<string?> _title = new("--title") { Description = "A title above the graph.", HelpName = "TEXT" };
    private readonly Option<string?> _renderer = new("--renderer")
    {
        Description = "auto (default: the native Graphviz if dot is found, else Graphviz in-process), native, or inprocess (Graphviz 16 compiled to WebAssembly: nothing to install, the same output on every machine).",
        HelpName = "NAME",
    };

    private readonly Option<bool> _noBackward = new("--no-backward") { Description = "Draw the forward pass only (gradients stay 0)." };
    private readonly Option<bool> _watch = new("--watch") { Description = "With -f FILE and -o PATH: draw again whenever FILE changes, until Ctrl+C; a mistake is reported and the last good drawing stays." };

    public RenderCommand()
    {
        Command = new Command("render", "Evaluate a program, run backward, and draw the graph (DOT to standard output by default).");
        _program.AddTo(Command);
        Command.Add(_output);
        Command.Add(_format);
        Command.Add(_rankdir);
        Command.Add(_precision);
        Command.Add(_foldConstants);
        Command.Add(_collapseChains);
        Command.Add(_collapseTerms);
        Command.Add(_modules);
        Command.Add(_moduleDepth);
        Command.Add(_focus);
        Command.Add(_focusDepth);
        Command.Add(_plain);
        Command.Add(_maxNodes);
        Command.Add(_force);
        Command.Add(_colorGrad);
        Command.Add(_title);
        Command.Add(_noBackward);
        Command.Add(_renderer);
        Command.Add(_watch);
        _layout.AddTo(Command, layout: true);
    }

    public Command Command { get; }

    public RenderSettings Bind(ParseResult result)
    {
        var program = _program.Bind(result, backward: !result.GetValue(_noBackward));
        string? output = result.GetValue(_output) is "-" ? null : result.GetValue(_output);
        if (output is not null && program.Source.FilePath is { } input && input != "-"
            && string.Equals(Path.GetFullPath(output), Path.GetFullPath(input), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            throw new UsageException($"-o '{output}' is the program file itself; choose another output path");
        }

        var format = ChooseFormat(result.GetValue(_format), output);

        // A view flag turns its view on; without it the view is automatic, or off with --plain.
        bool? auto = result.GetValue(_plain) ? false : null;
        var drawing = new DrawingOptions
        {
            FoldConstants = result.GetValue(_foldConstants) ? true : auto,
            CollapseChains = result.GetValue(_collapseChains) ? true : auto,
            CollapseTerms = result.GetValue(_collapseTerms) ? true : auto,
            Modules = result.GetValue(_modules) is { } modules ? ParseModules(modules) : auto == false ? ModuleView.None : null,
            GroupFanIn = auto,
            ColorByGradient = result.GetValue(_colorGrad),
            Title = result.GetValue(_title),
            Focus = result.GetValue(_focus),
        };
        if (result.GetValue(_focusDepth) is int focusDepth)
        {
            drawing = UsageException.Checked("--focus-depth", focusDepth, () => drawing with { FocusDepth = focusDepth });
        }

        if (result.GetValue(_moduleDepth) is int depth)
        {
            drawing = UsageException.Checked("--module-depth", depth, () => drawing with { ModuleDepth = depth });
        }
        if (result.GetValue(_rankdir) is { } rankdir)
        {
            drawing = drawing with
            {
                Direction = rankdir.ToUpperInvariant() switch
                {
                    "LR" => RankDirection.LeftToRight,
                    "TB" => RankDirection.TopToBottom,
                    _ => throw new UsageException($"--rankdir '{rankdir}' must be LR or TB"),
                },
            };
        }

        if (result.GetValue(_precision) is int precision)
        {
            drawing = UsageException.Checked("--precision", precision, () => drawing with { Precision = precision });
        }

        var rendering = _layout.Bind(result);
        if (result.GetValue(_force))
        {
            rendering = rendering with { MaxNodes = int.MaxValue };
        }
        else if (result.GetValue(_maxNodes) is int maxNodes)
        {
            rendering = UsageException.Checked("--max-nodes", maxNodes, () => rendering with { MaxNodes = maxNodes });
        }

        if (result.GetValue(_renderer) is { } rendererName)
        {
            var renderer = rendererName.ToUpperInvariant() switch
            {
                "AUTO" => GraphvizChoice.Auto,
                "NATIVE" => GraphvizChoice.Native,
                "INPROCESS" => GraphvizChoice.InProcess,
                _ => throw new UsageException($"--renderer '{rendererName}' must be auto, native or inprocess"),
            };
            rendering = rendering with { Renderer = renderer };
        }

        bool watch = result.GetValue(_watch);
        if (watch && (program.Source.FilePath is null || program.Source.IsStandardInput))
        {
            throw new UsageException("--watch needs the program in a file: -f FILE");
        }

        if (watch && output is null)
        {
            throw new UsageException("--watch needs an output file: -o PATH");
        }

        return new RenderSettings(program, output, format, drawing, rendering, watch, result.GetValue(_plain));
    }

    public static async Task<int> RunAsync(RenderSettings settings, ToolConsole console, CancellationToken cancellationToken)
    {
        if (settings.Watch)
        {
            return await RenderWatch.RunAsync(settings, console, cancellationToken).ConfigureAwait(false);
        }

        // The Graphviz is chosen here, once: the announcement below and the rendering agree.
        var format = OutputFormats.Get(settings.Format);
        GraphvizChoice? chosen = format.NeedsLayout ? new GraphRenderer(settings.Rendering).Choose(settings.Format) : null;

        // Loading Graphviz in-process (~0.1 s) overlaps evaluating the program and writing its DOT.
        var warmUp = chosen == GraphvizChoice.InProcess && settings.Rendering.InProcess is WasmGraphviz wasm ? wasm.WarmUpAsync() : Task.CompletedTask;
        try
        {
            return await RunAsync(settings, console, chosen, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A failure to load surfaces when rendering; here it only must not go unobserved.
            await warmUp.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private static async Task<int> RunAsync(RenderSettings settings, ToolConsole console, GraphvizChoice? chosen, CancellationToken cancellationToken)
    {
        string source = settings.Program.Source.Read(console);
        var root = DeepStack.Run(() => ExpressionProgram.Create(source, settings.Program.Sets, settings.Program.Root).Build().Root);
        if (settings.Program.Backward)
        {
            root.Backward();
        }

        if (settings.Drawing.Focus is { } focus && !root.TopologicalOrder().Any(v => v.Label == focus))
        {
            throw new UsageException($"--focus '{focus}': no value is named '{focus}'");
        }

        if (chosen == GraphvizChoice.InProcess && settings.Rendering.Renderer == GraphvizChoice.Auto)
        {
            await console.Error.WriteLineAsync(
                $"mgviz: Graphviz (dot) not found; drawing with Graphviz {WasmGraphviz.Version} in-process (mgviz doctor explains how to install Graphviz)").ConfigureAwait(false);
        }

        var rendering = settings.Rendering with { Renderer = chosen ?? GraphvizChoice.Auto };
        RenderResult rendered;
        try
        {
            // Only a layout can take long enough for a spinner.
            await using (Spinner.Start(console, chosen is null ? null : "Graphviz is laying out the graph…").ConfigureAwait(false))
            {
                rendered = settings.Output is { } path
                    ? await FormatDispatcher.SaveAsync(root, path, settings.Format, settings.Drawing, rendering, cancellationToken).ConfigureAwait(false)
                    : await FormatDispatcher.RenderAsync(root, settings.Format, settings.Drawing, rendering, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (GraphTooLargeException e)
        {
            throw new SizeGuardException(e, settings.Plain);
        }

        foreach (var warning in rendered.Warnings)
        {
            await console.Error.WriteLineAsync($"mgviz: graphviz: {warning}").ConfigureAwait(false);
        }

        if (settings.Output is null)
        {
            using var stdout = console.OpenStandardOutput();
            await stdout.WriteAsync(rendered.Output, cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static ModuleView ParseModules(string name) => name.ToUpperInvariant() switch
    {
        "NONE" => ModuleView.None,
        "CLUSTERS" => ModuleView.Clusters,
        "COLLAPSED" => ModuleView.Collapsed,
        _ => throw new UsageException($"--modules '{name}' must be none, clusters or collapsed"),
    };

    private static OutputFormat ChooseFormat(string? name, string? output)
    {
        if (name is not null)
        {
            return OutputFormats.TryParse(name, out var format)
                ? format
                : throw new UsageException($"--format '{name}' is not a format; use {OutputFormats.Names}");
        }

        if (output is null)
        {
            return OutputFormat.Dot;
        }

        return OutputFormats.TryFromPath(output, out var fromPath)
            ? fromPath
            : throw new UsageException($"cannot tell the format from '{Path.GetFileName(output)}'; use {OutputFormats.Extensions} or --format");
    }
}
