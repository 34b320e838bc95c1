using System.Diagnostics;
using System.Globalization;
using System.Text;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Tests.Graphviz;

/// <summary>
/// The native Graphviz through <see cref="GraphRenderer"/>: process faults, provoked with fake <c>dot</c>
/// scripts, each give a typed exception and no partial output.
/// </summary>
public class NativeGraphvizTests
{
    private static readonly DotGraph Graph = (SampleGraphs.Square()).ToDotGraph();

    [Fact]
    public async Task A_missing_dot_path_says_where_it_looked_and_how_to_install()
    {
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = "/nonexistent/graphviz/dot" });

        var error = await Assert.ThrowsAsync<GraphvizNotFoundException>(() => runner.RenderAsync(Graph, OutputFormat.Svg, TestContext.Current.CancellationToken));

        Assert.Contains("/nonexistent/graphviz/dot", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install graphviz", error.Message, StringComparison.Ordinal);
        Assert.Contains("brew install graphviz", error.Message, StringComparison.Ordinal);
        Assert.Contains("winget install graphviz", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Searched);
    }

    [Fact]
    public async Task A_file_that_cannot_start_is_reported_as_not_found_with_the_reason()
    {
        using var fake = FakeDot.Create("exit 0");
        FakeDot.SetMode(fake.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path });

        var error = await Assert.ThrowsAsync<GraphvizNotFoundException>(() => runner.RenderAsync(Graph, OutputFormat.Svg, TestContext.Current.CancellationToken));

        Assert.Contains("could not be started", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task Exit_code_one_gives_the_code_arguments_and_message()
    {
        using var fake = FakeDot.Create("cat >/dev/null; echo 'Error: <stdin>: syntax error in line 3 near x' >&2; exit 1");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path, Engine = LayoutEngine.Neato });

        var error = await Assert.ThrowsAsync<GraphvizFailedException>(() => runner.RenderAsync(Graph, OutputFormat.Png, TestContext.Current.CancellationToken));

        Assert.Equal(1, error.ExitCode);
        Assert.Equal([fake.Path, "-Tpng", "-Kneato"], error.Arguments);
        Assert.Contains("syntax error in line 3", error.StandardError, StringComparison.Ordinal);
        Assert.Contains("exit code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("syntax error in line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hang_is_killed_at_the_timeout_with_its_children()
    {
        using var fake = FakeDot.Create("echo $$ > $FOLDER/pids; sleep 300 & echo $! >> $FOLDER/pids; wait");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path, Timeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RenderTimeoutException>(() => runner.RenderAsync(Graph, OutputFormat.Svg, TestContext.Current.CancellationToken));

        // The lower bound proves the timeout waited; the upper one only that the hang was cut short,
        // with room for a loaded 2-core machine (it took 2.35 s once under load).
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(1), error.Timeout);
        Assert.Contains("did not finish within 1 s", error.Message, StringComparison.Ordinal);
        int[] pids = [.. File.ReadAllLines(Path.Combine(fake.Folder, "pids")).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
        Assert.Equal(2, pids.Length);
        foreach (int pid in pids)
        {
            Assert.True(await IsGoneAsync(pid), $"process {pid} is still running");
        }
    }

    [Fact]
    public async Task Cancellation_kills_the_process_and_throws_OperationCanceled()
    {
        using var fake = FakeDot.Create("echo $$ > $FOLDER/pids; sleep 300 & echo $! >> $FOLDER/pids; wait");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        string pidFile = Path.Combine(fake.Folder, "pids");

        // Cancel once the fake dot and its child are running (both wrote their ids), however loaded the machine.
        var render = runner.RenderAsync(Graph, OutputFormat.Svg, cancel.Token);
        var waited = Stopwatch.StartNew();
        while (!(File.Exists(pidFile) && File.ReadAllLines(pidFile).Length == 2) && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => render);

        int[] pids = [.. File.ReadAllLines(pidFile).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
        Assert.Equal(2, pids.Length);
        foreach (int pid in pids)
        {
            Assert.True(await IsGoneAsync(pid), $"process {pid} is still running");
        }
    }

    [Fact]
    public async Task Ten_megabytes_on_stderr_do_not_deadlock()
    {
        // The flood comes before dot reads its input: both pipes must be served at once.
        using var fake = FakeDot.Create("head -c 10485760 /dev/zero | tr '\\0' 'w' >&2; cat >/dev/null; echo '<svg/>'");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path, Timeout = TimeSpan.FromSeconds(30), MaxNodes = int.MaxValue });
        var big = (Value.Sum(Enumerable.Range(0, 3000).Select(i => new Value(i, "x")))).ToDotGraph(new DrawingOptions { GroupFanIn = false }); // 3,001 nodes: DOT bigger than a pipe holds

        var result = await runner.RenderAsync(big, OutputFormat.Svg, TestContext.Current.CancellationToken);

        Assert.Equal("<svg/>\n", Encoding.UTF8.GetString(result.Output.Span));
        Assert.NotEmpty(result.Warnings);
        Assert.Contains("[standard error truncated]", string.Join('\n', result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Death_by_signal_is_reported_as_a_failure()
    {
        using var fake = FakeDot.Create("kill -9 $$");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path });

        var error = await Assert.ThrowsAsync<GraphvizFailedException>(() => runner.RenderAsync(Graph, OutputFormat.Svg, TestContext.Current.CancellationToken));

        Assert.Equal(137, error.ExitCode);
        Assert.Contains("killed by signal 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_with_exit_zero_are_returned()
    {
        using var fake = FakeDot.Create("cat >/dev/null; echo 'Warning: node v0, port x unrecognized' >&2; echo '<svg/>'");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path });

        var result = await runner.RenderAsync(Graph, OutputFormat.Svg, TestContext.Current.CancellationToken);

        Assert.Equal(["Warning: node v0, port x unrecognized"], result.Warnings);
    }

    [Fact]
    public async Task Warnings_can_be_treated_as_errors()
    {
        using var fake = FakeDot.Create("cat >/dev/null; echo 'Warning: something odd' >&2; echo '<svg/>'");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path, WarningsAsErrors = true });

        var error = await Assert.ThrowsAsync<GraphvizFailedException>(() => runner.RenderAsync(Graph, OutputFormat.Svg, TestContext.Current.CancellationToken));

        Assert.Equal(0, error.ExitCode);
        Assert.Contains("warnings, which are treated as errors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_input_is_utf8_without_a_byte_order_mark()
    {
        using var fake = FakeDot.Create("cat > $FOLDER/stdin.dot; echo ok");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path });
        var graph = (new Value(1.0, "é😀")).ToDotGraph();

        await runner.RenderAsync(graph, OutputFormat.Svg, TestContext.Current.CancellationToken);

        byte[] received = await File.ReadAllBytesAsync(Path.Combine(fake.Folder, "stdin.dot"), TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.GetBytes(DotWriter.ToDot(graph)), received);
    }

    [Fact]
    public async Task A_failed_save_leaves_no_partial_file_and_keeps_the_old_one()
    {
        using var fake = FakeDot.Create("cat >/dev/null; echo '<svg partial'; echo 'Error: out of memory' >&2; exit 1");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path });
        string target = Path.Combine(fake.Folder, "out.svg");
        await File.WriteAllTextAsync(target, "old picture", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<GraphvizFailedException>(() => runner.SaveAsync(Graph, target, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("old picture", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));
        Assert.Equal(["dot", "out.svg"], Directory.GetFiles(fake.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_timed_out_save_leaves_no_file()
    {
        using var fake = FakeDot.Create("echo '<svg partial'; sleep 300");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path, Timeout = TimeSpan.FromMilliseconds(500) });
        string target = Path.Combine(fake.Folder, "out.svg");

        await Assert.ThrowsAsync<RenderTimeoutException>(() => runner.SaveAsync(Graph, target, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(["dot"], Directory.GetFiles(fake.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_successful_save_replaces_the_file_with_the_whole_output()
    {
        using var fake = FakeDot.Create("cat >/dev/null; echo '<svg>new</svg>'");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path });
        string target = Path.Combine(fake.Folder, "out.svg");
        await File.WriteAllTextAsync(target, "old picture", TestContext.Current.CancellationToken);

        var result = await runner.SaveAsync(Graph, target, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(target, result.OutputPath);
        Assert.Equal(OutputFormat.Svg, result.Format);
        Assert.Equal("<svg>new</svg>\n", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Saving_without_a_known_format_or_folder_fails_clearly()
    {
        using var fake = FakeDot.Create("cat >/dev/null; echo ok");
        var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = fake.Path });

        var format = await Assert.ThrowsAsync<ArgumentException>(() => runner.SaveAsync(Graph, Path.Combine(fake.Folder, "x.bmp"), cancellationToken: TestContext.Current.CancellationToken));
        var folder = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => runner.SaveAsync(Graph, Path.Combine(fake.Folder, "missing", "x.svg"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("x.bmp", format.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", folder.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_allow_listed_engines_and_formats_parse()
    {
        Assert.True(GraphvizNames.TryParseEngine("SFDP", out var engine));
        Assert.Equal(LayoutEngine.Sfdp, engine);
        Assert.False(GraphvizNames.TryParseEngine("dot -o /etc/passwd", out _));
        Assert.Equal(["dot", "neato", "twopi", "circo", "fdp", "sfdp", "patchwork", "osage"], Enum.GetValues<LayoutEngine>().Select(GraphvizNames.Name));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RenderOptions { Timeout = TimeSpan.Zero });
    }

    [Fact]
    public async Task Version_is_read_from_standard_error()
    {
        using var fake = FakeDot.Create("echo 'dot - graphviz version 2.43.0 (0)' >&2");
        var version = await new NativeGraphviz(fake.Path).GetVersionAsync(TestContext.Current.CancellationToken);

        Assert.Equal(fake.Path, version.Path);
        Assert.Equal("dot - graphviz version 2.43.0 (0)", version.Text);
        Assert.Equal(new Version(2, 43, 0), version.Version);
    }

    /// <summary>Waits briefly for a process to exit; a zombie awaiting its reaper counts as gone.</summary>
    private static async Task<bool> IsGoneAsync(int pid)
    {
        for (int attempt = 0; attempt < 40; attempt++)
        {
            string stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                if (!OperatingSystem.IsLinux())
                {
                    try
                    {
                        using var process = Process.GetProcessById(pid);
                    }
                    catch (ArgumentException)
                    {
                        return true;
                    }

                    await Task.Delay(50);
                    continue;
                }

                return true;
            }

            try
            {
                string text = await File.ReadAllTextAsync(stat);
                if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
