using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Formats;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.IO;

namespace MicroGrad.Viz;

/// <summary>
/// Renders drawings: the one place where the Graphviz is chosen (<see cref="RenderOptions.Renderer"/>:
/// the native <c>dot</c>, Graphviz in-process, or — by default — the native one when it is installed
/// and the in-process one otherwise), and where the size guard, the timeout, warnings-as-errors and
/// atomic files apply, the same around either.
/// </summary>
/// <remarks>Instances hold only options and may be shared and used concurrently.</remarks>
public sealed class GraphRenderer
{
    /// <summary>Creates a renderer.</summary>
    /// <param name="options">Options; <see langword="null"/> for <see cref="RenderOptions.Default"/>.</param>
    public GraphRenderer(RenderOptions? options = null)
    {
        Options = options ?? RenderOptions.Default;
    }

    /// <summary>The options in use.</summary>
    public RenderOptions Options { get; }

    /// <summary>
    /// The in-process Graphviz: <see cref="RenderOptions.InProcess"/>, else the one of the
    /// <c>MicroGrad.Viz.Wasm</c> package when the application carries it, else <see langword="null"/>.
    /// </summary>
    public IGraphvizBackend? InProcess => Options.InProcess ?? InProcessDiscovery.Shared;

    /// <summary>
    /// Which Graphviz would lay out <paramref name="format"/>: the configured one, or for
    /// <see cref="GraphvizChoice.Auto"/>, the native one if a path to <c>dot</c> is configured
    /// (<see cref="RenderOptions.DotPath"/>, <c>MGVIZ_DOT</c>) or <c>dot</c> is found, and otherwise
    /// the in-process one when there is one and it draws the format (else the native one, which then
    /// reports itself missing).
    /// </summary>
    /// <param name="format">The output format.</param>
    /// <returns><see cref="GraphvizChoice.Native"/> or <see cref="GraphvizChoice.InProcess"/>.</returns>
    public GraphvizChoice Choose(OutputFormat format = OutputFormat.Svg)
    {
        if (Options.Renderer != GraphvizChoice.Auto)
        {
            return Options.Renderer;
        }

        if (Options.DotPath is not null || Environment.GetEnvironmentVariable(RenderOptions.DotPathVariable) is { Length: > 0 })
        {
            return GraphvizChoice.Native;
        }

        if (GraphvizLocator.TryLocate(null, out _) is not null)
        {
            return GraphvizChoice.Native;
        }

        // A page embeds Graphviz's SVG: whoever draws SVG draws it.
        var drawn = format == OutputFormat.Html ? OutputFormat.Svg : format;
        return InProcess is { } inProcess && inProcess.Formats.Contains(drawn) ? GraphvizChoice.InProcess : GraphvizChoice.Native;
    }

    /// <summary>Renders a drawing in memory.</summary>
    /// <param name="graph">The drawing.</param>
    /// <param name="format">The output format; <see cref="OutputFormat.Dot"/> writes the DOT itself.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The output bytes, any warnings, and which Graphviz drew it.</returns>
    /// <exception cref="NotSupportedException">The format is <see cref="OutputFormat.Json"/> (it needs the <see cref="Value"/> graph: <see cref="ValueDrawingExtensions"/>), or the chosen Graphviz does not draw it.</exception>
    /// <exception cref="GraphTooLargeException">The format needs a layout and the drawing has more than <see cref="RenderOptions.MaxNodes"/> nodes.</exception>
    /// <exception cref="RenderException">Graphviz is missing, failed, crashed or timed out.</exception>
    public async Task<RenderResult> RenderAsync(DotGraph graph, OutputFormat format = OutputFormat.Svg, CancellationToken cancellationToken = default)
    {
        CheckSize(graph, format);
        using var output = new MemoryStream();
        var (warnings, renderer) = await WriteAsync(DotSourceOf(graph, format), format, output, cancellationToken).ConfigureAwait(false);
        return new RenderResult(format, output.ToArray(), null, warnings, renderer);
    }

    /// <summary>Renders DOT text in memory (the size guard does not apply: the text is not parsed here).</summary>
    /// <param name="dot">DOT text.</param>
    /// <param name="format">The output format; one that needs a layout.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The output bytes, any warnings, and which Graphviz drew it.</returns>
    /// <exception cref="NotSupportedException">The format needs no layout, or the chosen Graphviz does not draw it.</exception>
    /// <exception cref="RenderException">Graphviz is missing, failed, crashed or timed out.</exception>
    public async Task<RenderResult> RenderAsync(string dot, OutputFormat format = OutputFormat.Svg, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dot);
        RequireLayout(format);
        using var output = new MemoryStream();
        var (warnings, renderer) = await WriteAsync(dot, format, output, cancellationToken).ConfigureAwait(false);
        return new RenderResult(format, output.ToArray(), null, warnings, renderer);
    }

    /// <summary>
    /// Renders a drawing to a file, atomically: the output goes to a temporary file in the same
    /// folder that replaces <paramref name="path"/> only on success, so a failure never leaves a
    /// partial file and never touches an existing one.
    /// </summary>
    /// <param name="graph">The drawing.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="format">The output format; <see langword="null"/> to take it from the extension (see <see cref="OutputFormats"/>).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The path written, any warnings, and which Graphviz drew it.</returns>
    /// <exception cref="ArgumentException">No format was given and the extension names none.</exception>
    /// <exception cref="NotSupportedException">The format is <see cref="OutputFormat.Json"/>, or the chosen Graphviz does not draw it.</exception>
    /// <exception cref="GraphTooLargeException">The format needs a layout and the drawing has more than <see cref="RenderOptions.MaxNodes"/> nodes.</exception>
    /// <exception cref="RenderException">Graphviz is missing, failed, crashed or timed out.</exception>
    /// <exception cref="IOException">The file cannot be written (for example, its folder does not exist).</exception>
    public async Task<RenderResult> SaveAsync(DotGraph graph, string path, OutputFormat? format = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var resolved = format ?? OutputFormats.FromPath(path, nameof(path));
        CheckSize(graph, resolved);
        return await SaveTextAsync(DotSourceOf(graph, resolved), path, resolved, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Renders DOT text to a file, atomically, as <see cref="SaveAsync(DotGraph, string, OutputFormat?, CancellationToken)"/>
    /// does for a drawing: a failure never leaves a partial file and never touches an existing one.
    /// </summary>
    /// <param name="dot">DOT text: one graph.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="format">The output format, one that needs a layout; <see langword="null"/> to take it from the extension.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The path written, any warnings, and which Graphviz drew it.</returns>
    /// <exception cref="ArgumentException">No format was given and the extension names none.</exception>
    /// <exception cref="NotSupportedException">The format needs no layout, or the chosen Graphviz does not draw it.</exception>
    /// <exception cref="RenderException">Graphviz is missing, rejected the text, failed, crashed or timed out.</exception>
    /// <exception cref="IOException">The file cannot be written (for example, its folder does not exist).</exception>
    public async Task<RenderResult> SaveAsync(string dot, string path, OutputFormat? format = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dot);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var resolved = format ?? OutputFormats.FromPath(path, nameof(path));
        RequireLayout(resolved);
        return await SaveTextAsync(dot, path, resolved, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lays out (or, for <see cref="OutputFormat.Dot"/>, writes) a drawing into <paramref name="output"/>, under the size guard.</summary>
    internal Task<LayoutOutcome> LayOutAsync(DotGraph graph, OutputFormat format, Stream output, CancellationToken cancellationToken)
    {
        CheckSize(graph, format);
        return WriteAsync(DotSourceOf(graph, format), format, output, cancellationToken);
    }

    /// <summary>Writes (or lays out) DOT text into a temporary file that replaces <paramref name="path"/> only on success.</summary>
    private async Task<RenderResult> SaveTextAsync(string dot, string path, OutputFormat format, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> warnings = [];
        GraphvizChoice? renderer = null;
        string target = await AtomicFile.WriteAsync(path, async file =>
            (warnings, renderer) = await WriteAsync(dot, format, file, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return new RenderResult(format, [], target, warnings, renderer);
    }

    /// <summary>The DOT text of a drawing, once its format is known to be one this type writes.</summary>
    private static string DotSourceOf(DotGraph graph, OutputFormat format) => format switch
    {
        OutputFormat.Json => throw new NotSupportedException("The graph export (json) is written from the Value graph, not a drawing: use value.ToJson() or SaveDrawingAsync."),
        OutputFormat.Html => throw new NotSupportedException("The step-through page (html) is written from the Value graph, not a drawing: use SaveDrawingAsync or value.RenderAsync(OutputFormat.Html)."),
        _ => DotWriter.ToDot(graph),
    };

    private static void RequireLayout(OutputFormat format)
    {
        if (!OutputFormats.Get(format).NeedsLayout)
        {
            throw new NotSupportedException($"{OutputFormats.Get(format).Name} needs no Graphviz: write the DOT model instead.");
        }
    }

    /// <summary>Writes DOT itself, or lays it out with the chosen Graphviz under the timeout.</summary>
    private async Task<LayoutOutcome> WriteAsync(string dot, OutputFormat format, Stream output, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Dot)
        {
            await output.WriteAsync(DotWriter.Utf8.GetBytes(dot), cancellationToken).ConfigureAwait(false);
            return LayoutOutcome.None;
        }

        var renderer = Choose(format);
        var backend = Backend(renderer);
        if (!backend.Formats.Contains(format))
        {
            throw new NotSupportedException(
                $"Graphviz in-process draws {string.Join(", ", backend.Formats.Select(f => OutputFormats.Get(f).Name))}; " +
                $"{OutputFormats.Get(format).Name} needs the native Graphviz. {GraphvizNotFoundException.InstallHint}");
        }

        using var timeout = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        if (Options.Timeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(Options.Timeout);
        }

        IReadOnlyList<string> warnings;
        try
        {
            warnings = await backend.RenderAsync(dot, format, Options.Engine, output, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RenderTimeoutException(Options.Timeout, GraphvizNames.CommandLine(backend.Name, format, Options.Engine));
        }

        if (warnings.Count > 0 && Options.WarningsAsErrors)
        {
            throw new GraphvizFailedException(0, GraphvizNames.CommandLine(backend.Name, format, Options.Engine), string.Join('\n', warnings));
        }

        return new(warnings, renderer);
    }

    private IGraphvizBackend Backend(GraphvizChoice renderer) => renderer == GraphvizChoice.Native
        ? new NativeGraphviz(Options.DotPath)
        : InProcess ?? throw new GraphvizNotFoundException([InProcessDiscovery.MissingHint]);

    /// <summary>The size guard: only a layout takes minutes on a large drawing; its DOT is written at any size.</summary>
    private void CheckSize(DotGraph graph, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int nodes = graph.NodeCount;
        if (OutputFormats.Get(format).NeedsLayout && nodes > Options.MaxNodes)
        {
            throw new GraphTooLargeException(nodes, Options.MaxNodes);
        }
    }
}
