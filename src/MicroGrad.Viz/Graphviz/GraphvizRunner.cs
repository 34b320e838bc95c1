using System.ComponentModel;
using System.Text;
using System.Text.RegularExpressions;
using CliWrap;
using MicroGrad.Viz.Dot;

namespace MicroGrad.Viz.Graphviz;

/// <summary>
/// Runs Graphviz on DOT text: the one place MicroGrad.Viz starts a process. The DOT is streamed to
/// <c>dot</c>'s standard input as UTF-8 without a BOM; standard output and standard error are read
/// concurrently; a timeout or a cancelled token kills the process tree.
/// </summary>
/// <remarks>Instances hold only options and may be shared and used concurrently.</remarks>
public sealed partial class GraphvizRunner
{
    private const int MaxStandardErrorChars = 1 << 20;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">How to find and run Graphviz; <see cref="GraphvizOptions.Default"/> when <see langword="null"/>.</param>
    public GraphvizRunner(GraphvizOptions? options = null)
    {
        Options = options ?? GraphvizOptions.Default;
    }

    /// <summary>The options this runner uses.</summary>
    public GraphvizOptions Options { get; }

    /// <summary>Finds the <c>dot</c> executable without running it.</summary>
    /// <returns>Its full path.</returns>
    /// <exception cref="GraphvizNotFoundException">It is not installed where the options say to look.</exception>
    public string FindDot() => GraphvizLocator.Locate(Options);

    /// <summary>Runs <c>dot -V</c> and reports where Graphviz is and which version it is.</summary>
    /// <param name="cancellationToken">Cancels the run and kills the process.</param>
    /// <returns>The path, the version line and the parsed version.</returns>
    /// <exception cref="GraphvizNotFoundException">Graphviz is not installed or cannot start.</exception>
    /// <exception cref="GraphvizFailedException"><c>dot -V</c> failed.</exception>
    /// <exception cref="GraphvizTimeoutException"><c>dot -V</c> did not answer in time.</exception>
    public async Task<GraphvizVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        string dot = FindDot();
        var output = new StringBuilder();
        var standardError = await RunAsync(dot, ["-V"], PipeSource.Null, PipeTarget.ToStringBuilder(output), cancellationToken).ConfigureAwait(false);

        // dot -V writes to standard error; accept standard output too, for wrappers.
        string text = (standardError.Length > 0 ? standardError : output.ToString()).Trim();
        var match = VersionPattern().Match(text);
        var version = match.Success && Version.TryParse(match.Value, out var parsed) ? parsed : null;
        return new GraphvizVersion(dot, text, version);
    }

    /// <summary>Renders a DOT model in memory.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="format">The output format.</param>
    /// <param name="cancellationToken">Cancels the run and kills the process tree.</param>
    /// <returns>The output bytes and any warnings.</returns>
    /// <exception cref="GraphvizNotFoundException">Graphviz is not installed or cannot start.</exception>
    /// <exception cref="GraphvizFailedException">Graphviz exited with an error (or warned, with <see cref="GraphvizOptions.WarningsAsErrors"/>).</exception>
    /// <exception cref="GraphvizTimeoutException">Graphviz ran longer than <see cref="GraphvizOptions.Timeout"/>.</exception>
    /// <exception cref="GraphTooLargeException">The graph has more than <see cref="GraphvizOptions.MaxNodes"/> nodes.</exception>
    public Task<GraphvizResult> RenderAsync(DotGraph graph, GraphvizFormat format, CancellationToken cancellationToken = default)
    {
        CheckSize(graph);
        return RenderAsync(writer => DotWriter.Write(graph, writer), format, cancellationToken);
    }

    /// <summary>Renders DOT text in memory.</summary>
    /// <param name="dot">DOT text.</param>
    /// <param name="format">The output format.</param>
    /// <param name="cancellationToken">Cancels the run and kills the process tree.</param>
    /// <returns>The output bytes and any warnings.</returns>
    /// <exception cref="GraphvizNotFoundException">Graphviz is not installed or cannot start.</exception>
    /// <exception cref="GraphvizFailedException">Graphviz exited with an error (or warned, with <see cref="GraphvizOptions.WarningsAsErrors"/>).</exception>
    /// <exception cref="GraphvizTimeoutException">Graphviz ran longer than <see cref="GraphvizOptions.Timeout"/>.</exception>
    public Task<GraphvizResult> RenderAsync(string dot, GraphvizFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dot);
        return RenderAsync(writer => writer.Write(dot), format, cancellationToken);
    }

    /// <summary>
    /// Renders a DOT model to a file, atomically: the output goes to a temporary file in the same
    /// folder that replaces <paramref name="path"/> only when Graphviz succeeded. On any failure no
    /// partial file is left and an existing file is untouched.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="format">The output format; <see langword="null"/> to take it from the file extension.</param>
    /// <param name="cancellationToken">Cancels the run and kills the process tree.</param>
    /// <returns>The path written and any warnings.</returns>
    /// <exception cref="ArgumentException">No format was given and the extension names none.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="GraphvizNotFoundException">Graphviz is not installed or cannot start.</exception>
    /// <exception cref="GraphvizFailedException">Graphviz exited with an error (or warned, with <see cref="GraphvizOptions.WarningsAsErrors"/>).</exception>
    /// <exception cref="GraphvizTimeoutException">Graphviz ran longer than <see cref="GraphvizOptions.Timeout"/>.</exception>
    /// <exception cref="GraphTooLargeException">The graph has more than <see cref="GraphvizOptions.MaxNodes"/> nodes.</exception>
    public Task<GraphvizResult> SaveAsync(DotGraph graph, string path, GraphvizFormat? format = null, CancellationToken cancellationToken = default)
    {
        CheckSize(graph);
        return SaveAsync(writer => DotWriter.Write(graph, writer), path, format, cancellationToken);
    }

    /// <summary>Renders DOT text to a file, atomically (see <see cref="SaveAsync(DotGraph, string, GraphvizFormat?, CancellationToken)"/>).</summary>
    /// <param name="dot">DOT text.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="format">The output format; <see langword="null"/> to take it from the file extension.</param>
    /// <param name="cancellationToken">Cancels the run and kills the process tree.</param>
    /// <returns>The path written and any warnings.</returns>
    public Task<GraphvizResult> SaveAsync(string dot, string path, GraphvizFormat? format = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dot);
        return SaveAsync(writer => writer.Write(dot), path, format, cancellationToken);
    }

    private void CheckSize(DotGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int nodes = graph.NodeCount;
        if (nodes > Options.MaxNodes)
        {
            throw new GraphTooLargeException(nodes, Options.MaxNodes);
        }
    }

    private async Task<GraphvizResult> RenderAsync(Action<TextWriter> writeDot, GraphvizFormat format, CancellationToken cancellationToken)
    {
        string dot = FindDot();
        using var output = new MemoryStream();
        var warnings = await RunLayoutAsync(dot, writeDot, format, PipeTarget.ToStream(output), cancellationToken).ConfigureAwait(false);
        return new GraphvizResult(format, output.ToArray(), null, warnings);
    }

    private async Task<GraphvizResult> SaveAsync(Action<TextWriter> writeDot, string path, GraphvizFormat? format, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        GraphvizFormat chosen;
        if (format is { } given)
        {
            chosen = given;
        }
        else if (!GraphvizNames.TryGetFormatFromPath(path, out chosen))
        {
            throw new ArgumentException(
                $"Cannot tell the output format from '{Path.GetFileName(path)}': use .svg, .png, .pdf, .dot, .gv or .json, or pass a format.",
                nameof(path));
        }

        string dot = FindDot();
        IReadOnlyList<string> warnings = [];
        string target = await AtomicFile.WriteAsync(
            path,
            async file => warnings = await RunLayoutAsync(dot, writeDot, chosen, PipeTarget.ToStream(file), cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        return new GraphvizResult(chosen, [], target, warnings);
    }

    private async Task<IReadOnlyList<string>> RunLayoutAsync(
        string dot, Action<TextWriter> writeDot, GraphvizFormat format, PipeTarget output, CancellationToken cancellationToken)
    {
        string[] arguments = ["-T" + GraphvizNames.Name(format), "-K" + GraphvizNames.Name(Options.Engine)];
        var input = PipeSource.Create(async (stream, ct) =>
        {
            // DOT writing is synchronous and blocks while dot is not reading (say, while it floods
            // stderr). Run it on the thread pool so the caller goes on to serve stdout and stderr.
            await Task.Run(
                () =>
                {
                    using var writer = new StreamWriter(stream, DotWriter.Utf8, 1 << 16, leaveOpen: true);
                    writeDot(writer);
                },
                ct).ConfigureAwait(false);
        });

        string standardError = await RunAsync(dot, arguments, input, output, cancellationToken).ConfigureAwait(false);
        var warnings = standardError
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToArray();
        if (warnings.Length > 0 && Options.WarningsAsErrors)
        {
            throw new GraphvizFailedException(0, [dot, .. arguments], standardError);
        }

        return warnings;
    }

    /// <summary>Runs dot and returns its standard error; throws the typed exceptions for every failure.</summary>
    private async Task<string> RunAsync(string dot, string[] arguments, PipeSource input, PipeTarget output, CancellationToken cancellationToken)
    {
        var standardError = new BoundedText(MaxStandardErrorChars);
        var command = Cli.Wrap(dot)
            .WithArguments(arguments)
            .WithStandardInputPipe(input)
            .WithStandardOutputPipe(output)
            .WithStandardErrorPipe(PipeTarget.Create(standardError.ReadAsync))
            .WithValidation(CommandResultValidation.None);

        using var timeout = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        if (Options.Timeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(Options.Timeout);
        }

        CommandResult result;
        try
        {
            result = await command.ExecuteAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new GraphvizTimeoutException(Options.Timeout, [dot, .. arguments]);
        }
        catch (Win32Exception exception)
        {
            throw new GraphvizNotFoundException([dot], exception);
        }
        catch (CliWrap.Exceptions.CliWrapException exception) when (exception.InnerException is Win32Exception inner)
        {
            throw new GraphvizNotFoundException([dot], inner);
        }

        string text = standardError.ToString();
        if (result.ExitCode != 0)
        {
            throw new GraphvizFailedException(result.ExitCode, [dot, .. arguments], text);
        }

        return text;
    }

    [GeneratedRegex(@"\d+(\.\d+){1,3}", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    /// <summary>Keeps the first part of a text stream and drains the rest, so a flood cannot block the process or exhaust memory.</summary>
    private sealed class BoundedText(int limit)
    {
        private readonly StringBuilder _text = new();
        private bool _truncated;

        public async Task ReadAsync(Stream stream, CancellationToken cancellationToken)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[8192];
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                int room = limit - _text.Length;
                if (room > 0)
                {
                    _text.Append(buffer, 0, Math.Min(room, read));
                }

                _truncated |= read > room;
            }
        }

        public override string ToString() => _truncated ? _text + Environment.NewLine + "[standard error truncated]" : _text.ToString();
    }
}
