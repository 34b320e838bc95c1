using System.ComponentModel;
using System.Text;
using System.Text.RegularExpressions;
using CliWrap;
using MicroGrad.Viz.Formats;

namespace MicroGrad.Viz.Graphviz;

/// <summary>
/// The native Graphviz: runs <c>dot</c> on DOT text, the one place MicroGrad.Viz starts a process.
/// The DOT goes to standard input as UTF-8 without a BOM; standard output and standard error are
/// read concurrently (a flood on either cannot block the other); a cancelled token kills the process
/// tree. <see cref="GraphRenderer"/> adds the timeout, the size guard and atomic files.
/// </summary>
/// <remarks>Instances hold only the configured path and may be shared and used concurrently.</remarks>
public sealed partial class NativeGraphviz : IGraphvizBackend
{
    private const int MaxStandardErrorChars = 1 << 20;

    private static readonly OutputFormat[] s_formats =
        [.. OutputFormats.All.Where(f => f.GraphvizName is not null).Select(f => f.Format)];

    /// <summary>Creates the backend.</summary>
    /// <param name="dotPath">The <c>dot</c> executable; <see langword="null"/> to use <c>MGVIZ_DOT</c>, then <c>PATH</c> and the usual install folders.</param>
    public NativeGraphviz(string? dotPath = null)
    {
        DotPath = dotPath;
    }

    /// <summary>The configured <c>dot</c>, or <see langword="null"/> to search for it.</summary>
    public string? DotPath { get; }

    /// <summary>The full path of <c>dot</c> (see <see cref="FindDot"/>).</summary>
    /// <exception cref="GraphvizNotFoundException">It is not installed where the options say to look.</exception>
    public string Name => FindDot();

    /// <inheritdoc/>
    public IReadOnlyCollection<OutputFormat> Formats => s_formats;

    /// <summary>Finds the <c>dot</c> executable without running it.</summary>
    /// <returns>Its full path.</returns>
    /// <exception cref="GraphvizNotFoundException">It is not installed where the options say to look.</exception>
    public string FindDot() => GraphvizLocator.Locate(DotPath);

    /// <summary>Runs <c>dot -V</c> and reports where Graphviz is and which version it is.</summary>
    /// <param name="cancellationToken">Cancels the run and kills the process.</param>
    /// <returns>The path, the version line and the parsed version.</returns>
    /// <exception cref="GraphvizNotFoundException">Graphviz is not installed or cannot start.</exception>
    /// <exception cref="GraphvizFailedException"><c>dot -V</c> failed.</exception>
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

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> RenderAsync(string dot, OutputFormat format, LayoutEngine engine, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dot);
        ArgumentNullException.ThrowIfNull(output);
        if (Array.IndexOf(s_formats, format) < 0)
        {
            throw new NotSupportedException($"{OutputFormats.Get(format).Name} needs no Graphviz.");
        }

        string executable = FindDot();
        string[] arguments = GraphvizNames.CommandLine(executable, format, engine)[1..];
        if (GraphvizRules.FindTextAfterGraph(dot) is { } rejected)
        {
            throw new GraphvizFailedException(0, [executable, .. arguments], rejected);
        }

        var input = PipeSource.Create(async (stream, ct) =>
        {
            // Writing blocks while dot is not reading (say, while it floods stderr): do it on the
            // thread pool so the caller goes on to serve stdout and stderr.
            await Task.Run(
                () =>
                {
                    using var writer = new StreamWriter(stream, Dot.DotWriter.Utf8, 1 << 16, leaveOpen: true);
                    writer.Write(dot);
                },
                ct).ConfigureAwait(false);
        });

        string standardError = await RunAsync(executable, arguments, input, PipeTarget.ToStream(output), cancellationToken).ConfigureAwait(false);
        if (GraphvizRules.HasError(standardError))
        {
            throw new GraphvizFailedException(0, [executable, .. arguments], standardError);
        }

        return standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Runs dot and returns its standard error; throws the typed exceptions for every failure.</summary>
    private static async Task<string> RunAsync(string dot, string[] arguments, PipeSource input, PipeTarget output, CancellationToken cancellationToken)
    {
        var standardError = new BoundedText(MaxStandardErrorChars);
        var command = Cli.Wrap(dot)
            .WithArguments(arguments)
            .WithStandardInputPipe(input)
            .WithStandardOutputPipe(output)
            .WithStandardErrorPipe(PipeTarget.Create(standardError.ReadAsync))
            .WithValidation(CommandResultValidation.None);

        CommandResult result;
        try
        {
            result = await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
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
