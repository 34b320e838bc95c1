using System.Globalization;

namespace MicroGrad.Viz.Cli.Tests.Commands;

/// <summary><c>mgviz render --watch</c>: redraws on change, reports mistakes, keeps the last good drawing, stops on Ctrl+C.</summary>
public sealed class RenderWatchTests : IDisposable
{
    // Generous: the machine may be busy; a change is normally drawn within half a second.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-watch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string SeedProgram(int a) => string.Create(CultureInfo.InvariantCulture, $"a = {a}\nb = -3\nc = 10\nf = -2\ne = a*b\nd = e + c\nL = d*f\n");

    [Fact]
    public async Task Watch_redraws_on_every_change_keeps_the_last_good_drawing_and_stops_on_cancel()
    {
        string program = Path.Combine(_folder, "seed.mg");
        string output = Path.Combine(_folder, "seed.dot");
        await File.WriteAllTextAsync(program, SeedProgram(2), TestContext.Current.CancellationToken);
        var error = new StringWriter();
        var shared = TextWriter.Synchronized(error);
        string Said()
        {
            lock (shared)
            {
                return error.ToString();
            }
        }

        var console = new ToolConsole(TextWriter.Null, shared, () => Stream.Null, () => new StringReader(string.Empty), IsErrorTerminal: false);
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(() => MgvizCommandLine.RunAsync(["render", "-f", program, "-o", output, "--watch"], console, stop.Token), TestContext.Current.CancellationToken);

        // L = (a*b + c) * f: a = 2 gives -8, a = 3 gives -2, a = 4 gives 4.
        await UntilAsync(() => Drawn(output).Contains("{L|data -8.0000|", StringComparison.Ordinal), Said);
        await File.WriteAllTextAsync(program, SeedProgram(3), TestContext.Current.CancellationToken);
        await UntilAsync(() => Drawn(output).Contains("{L|data -2.0000|", StringComparison.Ordinal), Said);

        string good = Drawn(output);
        await File.WriteAllTextAsync(program, "e = a*b; d = e + q\n", TestContext.Current.CancellationToken);
        await UntilAsync(() => Said().Contains("keeps the last good drawing", StringComparison.Ordinal), Said);
        Assert.Contains("mgviz: error: line 1, column 5: unknown name 'a'", Said(), StringComparison.Ordinal);
        Assert.Equal(good, Drawn(output));

        await File.WriteAllTextAsync(program, SeedProgram(4), TestContext.Current.CancellationToken);
        await UntilAsync(() => Drawn(output).Contains("{L|data 4.0000|", StringComparison.Ordinal), Said);

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await watching.WaitAsync(Patience, TestContext.Current.CancellationToken));
        string said = Said();
        Assert.StartsWith($"mgviz: watching {program}: drawing {output} now and after every change (Ctrl+C stops)\n", said.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(3, said.Split($"mgviz: drew {output}").Length - 1);
        Assert.EndsWith("mgviz: stopped watching\n", said.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "render", "y = x", "--set", "x=1", "-o", "y.dot", "--watch" }, "--watch needs the program in a file: -f FILE")]
    [InlineData(new[] { "render", "-f", "-", "-o", "y.dot", "--watch" }, "--watch needs the program in a file: -f FILE")]
    [InlineData(new[] { "render", "-f", "y.mg", "--watch" }, "--watch needs an output file: -o PATH")]
    public async Task Watch_needs_a_program_file_and_an_output_file(string[] args, string message)
    {
        var console = new CommandRunTests.FakeConsole();

        Assert.Equal(ExitCodes.UsageError, await console.RunAsync(args));
        Assert.Equal($"mgviz: error: {message}\n", console.Error.ToString().ReplaceLineEndings("\n"));
    }

    private static string Drawn(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
    }

    private static async Task UntilAsync(Func<bool> condition, Func<string> said)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "mgviz --watch did not get there in time; it said:\n" + said());
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
