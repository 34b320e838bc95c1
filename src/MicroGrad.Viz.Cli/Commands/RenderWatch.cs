using MicroGrad.Viz.Formats;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Cli.Commands;

/// <summary>
/// <c>mgviz render -f FILE -o PATH --watch</c>: draws, then draws again each time the program file's
/// text changes, until cancelled (Ctrl+C). A mistake is reported and the last good drawing stays
/// (files are replaced atomically, and only by a drawing that succeeded).
/// </summary>
internal static class RenderWatch
{
    /// <summary>How often the file is read. Reading beats file-system events: they are lost on network and container mounts, and editors save in many ways.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the text must stay the same before it is drawn: an editor may write a file in several steps.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(150);

    public static async Task<int> RunAsync(RenderSettings settings, ToolConsole console, CancellationToken cancellationToken)
    {
        string path = settings.Program.Source.FilePath!;
        string output = settings.Output!;
        await console.Error.WriteLineAsync($"mgviz: watching {path}: drawing {output} now and after every change (Ctrl+C stops)").ConfigureAwait(false);
        bool first = true;
        string? drawn = null;
        try
        {
            while (true)
            {
                string? current = Read(path);
                if (first || current != drawn)
                {
                    await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);
                    if (Read(path) != current)
                    {
                        continue;
                    }

                    (first, drawn) = (false, current);
                    await DrawAsync(settings, current, path, output, console, cancellationToken).ConfigureAwait(false);

                    // Auto has chosen (and announced) its Graphviz once; later drawings use the same one quietly.
                    if (settings.Rendering.Renderer == GraphvizChoice.Auto && OutputFormats.Get(settings.Format).NeedsLayout)
                    {
                        settings = settings with { Rendering = settings.Rendering with { Renderer = new GraphRenderer(settings.Rendering).Choose(settings.Format) } };
                    }
                }

                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how watching ends: a normal exit.
            await console.Error.WriteLineAsync("mgviz: stopped watching").ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }

    private static async Task DrawAsync(RenderSettings settings, string? text, string path, string output, ToolConsole console, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            await console.Error.WriteLineAsync($"mgviz: error: cannot read {path}; waiting for it to appear").ConfigureAwait(false);
            return;
        }

        try
        {
            var once = settings with { Program = settings.Program with { Source = new ProgramSource(text, null) }, Watch = false };
            await RenderCommand.RunAsync(once, console, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"mgviz: drew {output}").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of one drawing is reported; watching goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            string message = MgvizCommandLine.Describe(exception).Message;
            await console.Error.WriteLineAsync($"mgviz: {message}").ConfigureAwait(false);
            await console.Error.WriteLineAsync(File.Exists(output) ? $"mgviz: {output} keeps the last good drawing" : $"mgviz: nothing written to {output} yet").ConfigureAwait(false);
        }
    }

    /// <summary>The file's text, or null when it cannot be read (missing, unreadable, or being replaced).</summary>
    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
