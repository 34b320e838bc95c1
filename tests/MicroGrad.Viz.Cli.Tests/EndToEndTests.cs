using System.Diagnostics;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using MicroGrad.TestSupport;

namespace MicroGrad.Viz.Cli.Tests;

/// <summary>The built tool run as a process: exit codes, stdout/stderr separation, files written.</summary>
public sealed class EndToEndTests : IDisposable
{
    private const string Seed = "e = a*b; d = e + c; L = d*f";
    private static readonly string[] SeedSets = ["--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2"];
    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-e2e-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<BufferedCommandResult> MgvizAsync(string[] args, string? stdin = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var command = CliWrap.Cli.Wrap(dotnet)
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "mgviz.dll"), .. args])
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(stdin is null ? PipeSource.Null : PipeSource.FromString(stdin, Encoding.UTF8));
        if (environment is not null)
        {
            command = command.WithEnvironmentVariables(environment);
        }

        return await command.ExecuteBufferedAsync(Encoding.UTF8, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_internal_error_exits_70_with_the_message_to_report()
    {
        var result = await MgvizAsync(["render", Seed, .. SeedSets], environment: new Dictionary<string, string?> { ["MGVIZ_TEST_INTERNAL_ERROR"] = "1" });

        Assert.Equal(70, result.ExitCode); // sysexits' EX_SOFTWARE; not 1, which gradcheck uses for a mismatch
        Assert.StartsWith("mgviz: internal error (please report it): System.InvalidOperationException: a deliberate internal error", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public async Task Ctrl_c_during_a_layout_exits_130_and_writes_no_file()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Ctrl+C is sent as SIGINT, a Unix signal");

        // 600 products of 40 shared leaves, node for node, laid out by neato: about 40 s here, in 110 MB.
        var program = new StringBuilder();
        for (int i = 0; i < 40; i++)
        {
            program.Append(System.Globalization.CultureInfo.InvariantCulture, $"x{i} = {i % 7 - 3}\n");
        }

        program.Append("L = ").AppendJoin(" + ", Enumerable.Range(0, 600).Select(i => $"x{i % 40}*x{(i * 7 + 1) % 40}"));
        string output = Path.Combine(_folder, "slow.svg");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        // Through env --default-signal: a background job (a CI script run with &, nohup) inherits SIGINT
        // ignored, and .NET keeps an ignored signal ignored; mgviz must get the Ctrl+C a terminal sends.
        var start = new ProcessStartInfo("env") { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "--default-signal=INT", dotnet, Path.Combine(AppContext.BaseDirectory, "mgviz.dll"), "render", "-f", "-", "--plain", "--force", "--renderer", "inprocess", "--engine", "neato", "--timeout", "600", "-o", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var mgviz = Process.Start(start)!;
        try
        {
            var stderr = mgviz.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await mgviz.StandardInput.WriteAsync(program.ToString());
            mgviz.StandardInput.Close();

            // Once mgviz has the program it evaluates it in milliseconds and starts the layout; then Ctrl+C (SIGINT).
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            Assert.False(mgviz.HasExited, $"mgviz finished before Ctrl+C: {(mgviz.HasExited ? await stderr : string.Empty)}");
            using (var kill = Process.Start("kill", ["-INT", mgviz.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            await mgviz.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            var result = (ExitCode: mgviz.ExitCode, Error: await stderr);

            Assert.Equal(130, result.ExitCode); // 128 + SIGINT, as shells report it
            Assert.Contains("mgviz: interrupted", result.Error, StringComparison.Ordinal); // mgviz's own handling, not the runtime's default
            Assert.False(File.Exists(output));
            Assert.Empty(Directory.GetFiles(_folder));
        }
        finally
        {
            if (!mgviz.HasExited)
            {
                mgviz.Kill(entireProcessTree: true); // a failed test leaves no layout running for a minute
            }
        }
    }

    [Fact]
    public async Task Render_to_dot_on_stdout_keeps_stderr_empty()
    {
        var result = await MgvizAsync(["render", Seed, .. SeedSets]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardError);
        Assert.StartsWith("digraph {\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("v0 [label=\"{a|data 2.0000|grad 6.0000}\"", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_writes_an_svg_file_and_nothing_to_stdout()
    {
        GraphvizRequirement.RequireDot();
        string path = Path.Combine(_folder, "L.svg");

        var result = await MgvizAsync(["render", Seed, .. SeedSets, "-o", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Equal(string.Empty, result.StandardError);
        Assert.Contains("<svg", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(["L.svg"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Render_writes_png_to_stdout_with_dash()
    {
        GraphvizRequirement.RequireDot();

        var command = CliWrap.Cli.Wrap(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "mgviz.dll"), "render", Seed, .. SeedSets, "--format", "png", "-o", "-"])
            .WithValidation(CommandResultValidation.None);
        using var stdout = new MemoryStream();
        var result = await command.WithStandardOutputPipe(PipeTarget.ToStream(stdout)).ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], stdout.ToArray()[..4]);
    }

    [Fact]
    public async Task Program_from_a_file_and_json_to_a_file()
    {
        string program = Path.Combine(_folder, "seed.mg");
        string output = Path.Combine(_folder, "seed.json");
        await File.WriteAllTextAsync(program, "a = 2\nb = -3\nc = 10\nf = -2\n" + Seed.Replace("; ", "\n", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var result = await MgvizAsync(["render", "-f", program, "-o", output]);

        Assert.Equal(0, result.ExitCode);
        string json = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        Assert.Contains("\"format\": \"mgviz-graph\"", json, StringComparison.Ordinal);
        Assert.Contains("\"label\": \"L\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_2_on_stderr_only()
    {
        var syntax = await MgvizAsync(["render", "e = a*(b", "--set", "a=1", "--set", "b=2"]);
        var option = await MgvizAsync(["render", "y = x", "--precision", "many"]);
        var setTwice = await MgvizAsync(["render", "y = x * 2", "--set", "x=1", "--set", "x=2"]);

        foreach (var result in new[] { syntax, option, setTwice })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(string.Empty, result.StandardOutput);
            Assert.StartsWith("mgviz: error: ", result.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        }

        Assert.Contains("\n  e = a*(b\n          ^", syntax.StandardError, StringComparison.Ordinal);
        Assert.Contains("--set gives 'x' twice", setTwice.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graphviz_not_found_exits_3()
    {
        var result = await MgvizAsync(["render", "y = x * 2", "--set", "x=1", "-o", Path.Combine(_folder, "y.svg"), "--dot-path", "/nonexistent/dot"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("apt-get install graphviz", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Graphviz_failure_exits_4_and_timeout_exits_5_leaving_no_file()
    {
        using var failing = FakeDot.Create("cat >/dev/null; echo '<svg half'; echo 'Error: boom' >&2; exit 1");
        using var hanging = FakeDot.Create("echo '<svg half'; sleep 30");
        string path = Path.Combine(_folder, "y.svg");
        await File.WriteAllTextAsync(path, "previous", TestContext.Current.CancellationToken);

        var failed = await MgvizAsync(["render", "y = x * 2", "--set", "x=1", "-o", path, "--dot-path", failing.Path]);
        var timedOut = await MgvizAsync(["render", "y = x * 2", "--set", "x=1", "-o", path, "--dot-path", hanging.Path, "--timeout", "1"]);

        Assert.Equal(4, failed.ExitCode);
        Assert.Contains("Error: boom", failed.StandardError, StringComparison.Ordinal);
        Assert.Equal(5, timedOut.ExitCode);
        Assert.Equal("previous", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["y.svg"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_unwritable_output_exits_6_and_the_input_is_never_overwritten()
    {
        string program = Path.Combine(_folder, "p.mg");
        await File.WriteAllTextAsync(program, "y = x * 2", TestContext.Current.CancellationToken);

        var missingFolder = await MgvizAsync(["render", "-f", program, "--set", "x=1", "-o", Path.Combine(_folder, "no", "such", "y.dot")]);
        var overwrite = await MgvizAsync(["render", "-f", program, "--set", "x=1", "-o", program, "--format", "dot"]);

        Assert.Equal(6, missingFolder.ExitCode);
        Assert.Contains("does not exist", missingFolder.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, overwrite.ExitCode);
        Assert.Equal("y = x * 2", await File.ReadAllTextAsync(program, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task View_flags_change_the_drawing_end_to_end()
    {
        const string program = "s = a + b + c + d";
        string[] sets = ["--set", "a=1", "--set", "b=2", "--set", "c=3", "--set", "d=4"];

        var plain = await MgvizAsync(["render", program, .. sets]);
        var chains = await MgvizAsync(["render", program, .. sets, "--collapse-chains"]);

        Assert.Equal(0, chains.ExitCode);
        Assert.Equal(3, plain.StandardOutput.Split("label=\"+\"").Length - 1);
        Assert.Contains("label=\"Σ (4)\"", chains.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graph_over_the_size_guard_exits_7_without_running_graphviz()
    {
        string path = Path.Combine(_folder, "big.svg");

        var result = await MgvizAsync(["render", "y = tanh(tanh(tanh(x)))", "--set", "x=1", "-o", path, "--max-nodes", "3", "--dot-path", "/nonexistent/dot"]);

        Assert.Equal(7, result.ExitCode);
        Assert.Contains("more than the limit of 3", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Gradcheck_exit_codes()
    {
        var ok = await MgvizAsync(["gradcheck", "y = x**3 / (1 + exp(-x))", "--set", "x=0.5"]);
        var off = await MgvizAsync(["gradcheck", "y = relu(x)", "--set", "x=0"]);

        Assert.Equal(0, ok.ExitCode);
        Assert.EndsWith("ok\n", ok.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, off.ExitCode);
    }

    [Fact]
    public async Task Help_and_version()
    {
        var help = await MgvizAsync(["--help"]);
        var version = await MgvizAsync(["--version"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("mgviz render \"e = a*b; d = e + c; L = d*f\"", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", help.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.StandardOutput);
    }

    [Fact]
    public async Task A_slow_graphviz_with_redirected_stderr_gets_no_spinner()
    {
        using var slow = FakeDot.Create("cat >/dev/null; sleep 1.6; echo '<svg/>'");
        var clock = Stopwatch.StartNew();

        var result = await MgvizAsync(["render", "y = x * 2", "--set", "x=1", "--format", "svg", "--dot-path", slow.Path]);

        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardError);
        Assert.Equal("<svg/>\n", result.StandardOutput);
    }

    /// <summary>The tool's environment on a machine without Graphviz: PATH holds no dot, MGVIZ_DOT is unset.</summary>
    private Dictionary<string, string?> WithoutGraphviz()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_folder, "empty-path")).FullName;
        return new Dictionary<string, string?> { ["PATH"] = empty, ["MGVIZ_DOT"] = null };
    }

    [Fact]
    public async Task Without_graphviz_the_readmes_first_command_draws_the_committed_svg_in_process()
    {
        string path = Path.Combine(_folder, "L.svg");

        var result = await MgvizAsync(["render", Seed, .. SeedSets, "-o", path], environment: WithoutGraphviz());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Equal("mgviz: Graphviz (dot) not found; drawing with Graphviz 16.1.0 in-process (mgviz doctor explains how to install Graphviz)\n", result.StandardError.ReplaceLineEndings("\n"));
        byte[] svg = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var nodes = SvgNodes.Parse(svg);
        Assert.Equal(10, nodes.Count);
        Assert.Equal(["L", "data -8.0000", "grad 1.0000"], nodes["v6"]);
        Assert.Contains("<!-- Generated by graphviz version 16.1.0", System.Text.Encoding.UTF8.GetString(svg), StringComparison.Ordinal);

        // The same bytes as the gallery's seed drawn in-process, committed under docs/images/inprocess.
        string committed = Path.Combine(Snapshot.RepositoryRoot, "docs", "images", "inprocess", "seed.svg");
        Assert.Equal(await File.ReadAllBytesAsync(committed, TestContext.Current.CancellationToken), svg);
    }

    [Fact]
    public async Task Without_graphviz_png_and_pdf_are_drawn_in_process()
    {
        string png = Path.Combine(_folder, "L.png");
        string pdf = Path.Combine(_folder, "L.pdf");

        var first = await MgvizAsync(["render", Seed, .. SeedSets, "-o", png], environment: WithoutGraphviz());
        var second = await MgvizAsync(["render", Seed, .. SeedSets, "-o", pdf], environment: WithoutGraphviz());

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken))[..4]);
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(pdf, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_the_native_graphviz_where_there_is_none_exits_3()
    {
        var result = await MgvizAsync(["render", Seed, .. SeedSets, "-o", Path.Combine(_folder, "L.png"), "--renderer", "native"], environment: WithoutGraphviz());

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Graphviz (dot) was not found", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(["empty-path"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Doctor_says_which_renderer_auto_picks()
    {
        var without = await MgvizAsync(["doctor"], environment: WithoutGraphviz());

        Assert.Equal(0, without.ExitCode);
        Assert.Contains("native Graphviz: not found", without.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("renderer (auto): inprocess", without.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("status: ok, mgviz render can write svg, png and pdf (Graphviz in-process)", without.StandardOutput, StringComparison.Ordinal);

        GraphvizRequirement.RequireDot();
        var with = await MgvizAsync(["doctor"]);
        Assert.Equal(0, with.ExitCode);
        Assert.Contains("renderer (auto): native", with.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("in-process Graphviz: 16.1.0", with.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_graphviz_auto_uses_it_silently()
    {
        GraphvizRequirement.RequireDot();
        string path = Path.Combine(_folder, "L.svg");

        var result = await MgvizAsync(["render", Seed, .. SeedSets, "-o", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardError);
        Assert.Contains("Generated by graphviz", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
