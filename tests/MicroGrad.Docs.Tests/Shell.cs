using System.Diagnostics;
using System.Text;

namespace MicroGrad.Docs.Tests;

/// <summary>Runs a process to completion, capturing its output; the environment is changed only where asked.</summary>
internal static class Shell
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public Result ThrowIfFailed(string what) =>
            ExitCode == 0 ? this : throw new InvalidOperationException($"{what} exited {ExitCode}: {Error}{Output}");
    }

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string?>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // A grandchild that inherited the pipes (a build server) can keep them open after the exit;
        // what was written by then is all there is.
        var grace = Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        await Task.WhenAny(Task.WhenAll(output, error), grace);
        return new Result(process.ExitCode, output.IsCompletedSuccessfully ? output.Result : "(output still open)", error.IsCompletedSuccessfully ? error.Result : "(error output still open)");
    }
}
