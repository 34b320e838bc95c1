using System.Diagnostics;
using System.Globalization;

namespace MicroGrad.Viz.Cli;

/// <summary>
/// Shows that Graphviz is working when it takes longer than a second: a spinner with the elapsed
/// time on standard error, only when standard error is a terminal, erased when done.
/// </summary>
internal sealed class Spinner : IAsyncDisposable
{
    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private bool _drawn;

    private Spinner(TextWriter error, string what) => _loop = RunAsync(error, what, _stop.Token);

    /// <summary>Starts a spinner that says <paramref name="what"/> is happening; none when <paramref name="what"/> is null (nothing slow runs) or stderr is not a terminal.</summary>
    public static IAsyncDisposable Start(ToolConsole console, string? what) =>
        what is not null && console.IsErrorTerminal ? new Spinner(console.Error, what) : NoSpinner.Instance;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(TextWriter error, string what, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
            for (int frame = 0; ; frame++)
            {
                string seconds = clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                await error.WriteAsync($"\r{Frames[frame % Frames.Length]} {what} {seconds} s ").ConfigureAwait(false);
                await error.FlushAsync(stop).ConfigureAwait(false);
                _drawn = true;
                await Task.Delay(TimeSpan.FromMilliseconds(100), stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            if (_drawn)
            {
                await error.WriteAsync("\r\u001b[2K").ConfigureAwait(false);
                await error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private sealed class NoSpinner : IAsyncDisposable
    {
        public static readonly NoSpinner Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
