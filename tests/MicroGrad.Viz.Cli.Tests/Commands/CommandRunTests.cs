using System.Text;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Cli.Tests.Commands;

/// <summary>Commands run in-process against a fake console: output, messages and exit codes.</summary>
public class CommandRunTests
{
    private const string Seed = "e = a*b; d = e + c; L = d*f";

    internal sealed class FakeConsole
    {
        private readonly List<byte> _stdout = [];

        public FakeConsole(string stdin = "", bool terminal = false) =>
            Console = new ToolConsole(Out, Error, () => new CapturingStream(_stdout), () => new StringReader(stdin), IsErrorTerminal: terminal);

        public StringWriter Out { get; } = new();

        public StringWriter Error { get; } = new();

        public ToolConsole Console { get; }

        public string Stdout => Out + Encoding.UTF8.GetString([.. _stdout]);

        public async Task<int> RunAsync(params string[] args) => await MgvizCommandLine.RunAsync(args, Console, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Render_writes_the_seed_dot_to_standard_output()
    {
        var console = new FakeConsole();

        int code = await console.RunAsync("render", Seed, "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(string.Empty, console.Error.ToString());
        Snapshot.Verify(console.Stdout);
    }

    [Fact]
    public async Task The_readme_picture_is_what_mgviz_draws_for_the_seed()
    {
        // docs/images/seed.svg is checked against seed.dot by DocsImagesTests; this ties seed.dot to the CLI.
        var console = new FakeConsole();

        await console.RunAsync("render", Seed, "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2");

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Snapshot.RepositoryRoot, "docs", "images", "seed.dot"), TestContext.Current.CancellationToken), console.Stdout);
    }

    [Fact]
    public async Task Set_overrides_a_number_in_a_program_file_and_help_says_so()
    {
        string file = Path.Combine(Path.GetTempPath(), $"mgviz-set-{Guid.NewGuid():N}.mg");
        await File.WriteAllTextAsync(file, "# the seed\na = 2\nb = -3\nc = 10\nf = -2\ne = a*b\nd = e + c\nL = d*f\n", TestContext.Current.CancellationToken);
        try
        {
            var console = new FakeConsole();
            int code = await console.RunAsync("render", "-f", file, "--set", "a=3", "--format", "json");

            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("\"label\": \"a\",\n      \"op\": \"\",\n      \"constant\": false,\n      \"inputs\": [],\n      \"data\": 3,", console.Stdout, StringComparison.Ordinal);
            Assert.Contains("\"label\": \"L\",", console.Stdout, StringComparison.Ordinal);
            Assert.Contains("\"data\": -2,", console.Stdout, StringComparison.Ordinal); // L = (3*-3 + 10) * -2
        }
        finally
        {
            File.Delete(file);
        }

        var help = new FakeConsole();
        await help.RunAsync("render", "--help");
        Assert.Contains("it replaces a number the program assigns to NAME", string.Join(' ', help.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    private static string Program(string name) => Path.Combine(Snapshot.RepositoryRoot, "examples", "programs", name);

    private static async Task<Dictionary<string, (double Data, double Grad)>> LabelledValuesAsync(params string[] args)
    {
        var console = new FakeConsole();
        Assert.Equal(ExitCodes.Success, await console.RunAsync([.. args, "--format", "json"]));
        using var json = System.Text.Json.JsonDocument.Parse(console.Stdout);
        return json.RootElement.GetProperty("values").EnumerateArray()
            .Where(v => v.GetProperty("label").ValueKind == System.Text.Json.JsonValueKind.String)
            .ToDictionary(v => v.GetProperty("label").GetString()!, v => (v.GetProperty("data").GetDouble(), v.GetProperty("grad").GetDouble()));
    }

    [Fact]
    public async Task The_sample_seed_program_draws_the_readme_picture()
    {
        var console = new FakeConsole();

        Assert.Equal(ExitCodes.Success, await console.RunAsync("render", "-f", Program("seed.mg")));

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Snapshot.RepositoryRoot, "docs", "images", "seed.dot"), TestContext.Current.CancellationToken), console.Stdout);
    }

    [Theory]
    [InlineData("neuron.mg")]
    [InlineData("neuron-exp.mg")]
    public async Task The_sample_neuron_programs_give_the_lectures_numbers(string program)
    {
        var values = await LabelledValuesAsync("render", "-f", Program(program));

        // The lecture: o = 0.7071 and the leaf gradients x1 -1.5, w1 1, x2 0.5, w2 0, b 0.5.
        Assert.Equal(Math.Sqrt(0.5), values["o"].Data, 12);
        Assert.Equal(-1.5, values["x1"].Grad, 12);
        Assert.Equal(1.0, values["w1"].Grad, 12);
        Assert.Equal(0.5, values["x2"].Grad, 12);
        Assert.Equal(0.0, values["w2"].Grad, 12);
        Assert.Equal(0.5, values["b"].Grad, 12);
    }

    [Fact]
    public async Task The_commented_sample_program_draws_part_of_itself_with_root()
    {
        var values = await LabelledValuesAsync("render", "-f", Program("neuron-exp.mg"), "--root", "n");

        Assert.Equal(["b", "n", "w1", "w2", "x1", "x2"], values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.8813735870195432, values["n"].Data, 15); // -6 + 0 + 6.8813735870195432
        Assert.Equal(1.0, values["n"].Grad);
    }

    [Fact]
    public async Task Render_writes_the_step_through_page_to_a_file_or_standard_output()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mgviz-page-{Guid.NewGuid():N}.html");
        try
        {
            var console = new FakeConsole();
            int code = await console.RunAsync("render", "-f", Program("seed.mg"), "-o", path, "--renderer", "inprocess");
            var stdout = new FakeConsole();
            int stdoutCode = await stdout.RunAsync("render", "-f", Program("seed.mg"), "--format", "html", "--renderer", "inprocess");

            Assert.Equal((ExitCodes.Success, ExitCodes.Success), (code, stdoutCode));
            string page = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
            Assert.StartsWith("<!DOCTYPE html>\n", page, StringComparison.Ordinal);
            Assert.Contains("<script type=\"application/json\" id=\"mgviz-data\">", page, StringComparison.Ordinal);
            Assert.Contains("<g id=\"graph0\" class=\"graph\"", page, StringComparison.Ordinal); // Graphviz's SVG, inline
            Assert.Equal(page, stdout.Stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Render_reads_the_program_from_standard_input()
    {
        var console = new FakeConsole("# the seed\ne = a*b\nd = e + c\nL = d*f\n");

        int code = await console.RunAsync("render", "-f", "-", "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2", "--format", "json");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("\"root\": \"v6\"", console.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"grad\": 6", console.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Syntax_errors_exit_2_with_a_caret_and_no_output()
    {
        var console = new FakeConsole();

        int code = await console.RunAsync("render", "e = a*b; d = e + q", "--set", "a=2", "--set", "b=3");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Equal(string.Empty, console.Stdout);
        Assert.Equal(
            "mgviz: error: line 1, column 18: unknown name 'q': assign it before this line or give it with --set q=NUMBER\n" +
            "  e = a*b; d = e + q\n" +
            "                   ^\n",
            console.Error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parse_errors_of_the_command_line_exit_2()
    {
        var console = new FakeConsole();

        Assert.Equal(ExitCodes.UsageError, await console.RunAsync("render", "y = x", "--precision", "four"));
        Assert.Contains("mgviz: error:", console.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, await new FakeConsole().RunAsync());
        Assert.Equal(ExitCodes.UsageError, await new FakeConsole().RunAsync("frobnicate"));
    }

    [Fact]
    public async Task Gradcheck_prints_each_input_and_passes()
    {
        var console = new FakeConsole();

        int code = await console.RunAsync("gradcheck", Seed, "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2");

        Assert.Equal(ExitCodes.Success, code);
        string[] lines = console.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("a      6  ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("b      -4  ", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("(tolerance 1e-06): ok", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gradcheck_exits_1_when_the_difference_exceeds_the_tolerance()
    {
        // ReLU at its kink: the analytic gradient is 0, the central difference sees slope 1/2.
        var console = new FakeConsole();

        int code = await console.RunAsync("gradcheck", "y = relu(x)", "--set", "x=0");

        Assert.Equal(ExitCodes.GradientMismatch, code);
        Assert.EndsWith("FAILED", console.Stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gradcheck_without_inputs_is_a_usage_error()
    {
        var console = new FakeConsole();

        Assert.Equal(ExitCodes.UsageError, await console.RunAsync("gradcheck", "y = 2 * 3"));
        Assert.Contains("nothing to check", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_program_file_is_an_io_error()
    {
        var console = new FakeConsole();

        Assert.Equal(ExitCodes.FileError, await console.RunAsync("render", "-f", "/nonexistent/prog.mg"));
        Assert.Contains("/nonexistent/prog.mg", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graphviz_failures_map_to_their_exit_codes()
    {
        using var missing = FakeDot.Create("exit 0");
        using var failing = FakeDot.Create("cat >/dev/null; echo 'Error: bad' >&2; exit 1");
        using var hanging = FakeDot.Create("sleep 30");
        string[] program = ["render", "y = x * 2", "--set", "x=1", "--format", "svg"];

        var notFound = new FakeConsole();
        Assert.Equal(ExitCodes.GraphvizNotFound, await notFound.RunAsync([.. program, "--dot-path", missing.Folder + "/nothing"]));
        Assert.Contains("Graphviz (dot) was not found", notFound.Error.ToString(), StringComparison.Ordinal);

        var failed = new FakeConsole();
        Assert.Equal(ExitCodes.RenderFailed, await failed.RunAsync([.. program, "--dot-path", failing.Path]));
        Assert.Contains("Error: bad", failed.Error.ToString(), StringComparison.Ordinal);

        var timedOut = new FakeConsole();
        Assert.Equal(ExitCodes.TimedOut, await timedOut.RunAsync([.. program, "--dot-path", hanging.Path, "--timeout", "0.5"]));
        Assert.Contains("did not finish within 0.5 s", timedOut.Error.ToString(), StringComparison.Ordinal);
        Assert.All(new[] { notFound, failed, timedOut }, c => Assert.Equal(string.Empty, c.Stdout));
    }

    [Fact]
    public async Task Focus_draws_a_part_and_counts_the_rest()
    {
        var console = new FakeConsole();
        var missing = new FakeConsole();

        int code = await console.RunAsync("render", Seed, "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2", "--focus", "e", "--focus-depth", "1");
        int bad = await missing.RunAsync("render", Seed, "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2", "--focus", "zz");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("{e|data -6.0000|grad -2.0000}", console.Stdout, StringComparison.Ordinal);
        // Kept: e, its inputs a and b, its user d. Cut off: c (alone) and L with f.
        Assert.Contains("label=\"… 1 value\"", console.Stdout, StringComparison.Ordinal);
        Assert.Contains("label=\"… 2 values\"", console.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, bad);
        Assert.Contains("--focus 'zz': no value is named 'zz'", missing.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_backward_draws_zero_gradients()
    {
        var console = new FakeConsole();

        await console.RunAsync("render", "y = x * 3", "--set", "x=2", "--no-backward");

        Assert.Contains("{x|data 2.0000|grad 0.0000}", console.Stdout, StringComparison.Ordinal);
        Assert.Contains("{y|data 6.0000|grad 0.0000}", console.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_graphviz_on_a_terminal_shows_a_spinner_and_erases_it()
    {
        using var slow = FakeDot.Create("cat >/dev/null; sleep 1.5; echo '<svg/>'");
        var console = new FakeConsole(terminal: true);

        int code = await console.RunAsync("render", "y = x * 2", "--set", "x=1", "--format", "svg", "--dot-path", slow.Path);

        string error = console.Error.ToString();
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Graphviz is laying out the graph… 1.", error, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[2K", error, StringComparison.Ordinal);
        Assert.Equal("<svg/>\n", console.Stdout);
    }

    [Fact]
    public async Task Interrupting_exits_130_and_stops_graphviz()
    {
        using var hanging = FakeDot.Create("sleep 30");
        var console = new FakeConsole();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        int code = await MgvizCommandLine.RunAsync(["render", "y = x * 2", "--set", "x=1", "--format", "svg", "--dot-path", hanging.Path], console.Console, interrupt.Token);

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Equal("mgviz: interrupted\n", console.Error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bug_exits_70_with_a_message_not_a_crash()
    {
        var console = new FakeConsole();

        int code = await MgvizCommandLine.GuardAsync(console.Console, () => throw new InvalidOperationException("broken invariant"));

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.StartsWith("mgviz: internal error (please report it): System.InvalidOperationException: broken invariant", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_reports_a_missing_graphviz_with_install_hints()
    {
        var console = new FakeConsole();

        int code = await console.RunAsync("doctor", "--dot-path", "/nonexistent/dot");

        Assert.Equal(ExitCodes.GraphvizNotFound, code);
        Assert.Contains("native Graphviz: not found", console.Stdout, StringComparison.Ordinal);
        Assert.Contains("in-process Graphviz: 16.1.0 (WebAssembly under Wasmtime), ready in", console.Stdout, StringComparison.Ordinal);
        // A configured dot path keeps auto on the native Graphviz: it must be reported, not replaced.
        Assert.Contains("renderer (auto): native", console.Stdout, StringComparison.Ordinal);
        Assert.Contains("apt-get install graphviz", console.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_reports_the_graphviz_it_finds()
    {
        using var fake = FakeDot.Create("echo 'dot - graphviz version 9.1.0 (0)' >&2");
        var console = new FakeConsole();

        int code = await console.RunAsync("doctor", "--dot-path", fake.Path);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"native Graphviz: {fake.Path}", console.Stdout, StringComparison.Ordinal);
        Assert.Contains("version: dot - graphviz version 9.1.0 (0)", console.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Stands in for standard output: keeps every byte written, survives being disposed.</summary>
    private sealed class CapturingStream(List<byte> bytes) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => bytes.Count;

        public override long Position { get => bytes.Count; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => bytes.AddRange(buffer.AsSpan(offset, count));
    }

    [Fact]
    public async Task Render_with_the_in_process_graphviz_writes_svg_and_says_nothing()
    {
        var console = new FakeConsole();

        int code = await console.RunAsync("render", Seed, "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2", "--format", "svg", "--renderer", "inprocess");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(string.Empty, console.Error.ToString());
        var fields = SvgNodes.Parse(Encoding.UTF8.GetBytes(console.Stdout));
        Assert.Equal(["L", "data -8.0000", "grad 1.0000"], fields["v6"]);
        Assert.Contains("<!-- Generated by graphviz version 16.1.0", console.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_process_graphviz_keeps_the_size_guard()
    {
        var console = new FakeConsole();

        int code = await console.RunAsync("render", Seed, "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2", "--format", "svg", "--renderer", "inprocess", "--max-nodes", "4");

        Assert.Equal(ExitCodes.GraphTooLarge, code);
        Assert.Contains("10 nodes, more than the limit of 4", console.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, console.Stdout);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_size_guard_speaks_in_mgviz_options(bool plain)
    {
        var console = new FakeConsole();
        string[] arguments = ["render", Seed, "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2", "--format", "svg", "--renderer", "inprocess", "--max-nodes", "4"];

        int code = await console.RunAsync(plain ? [.. arguments, "--plain"] : arguments);

        string error = console.Error.ToString();
        Assert.Equal(ExitCodes.GraphTooLarge, code);
        Assert.StartsWith("mgviz: error: the drawing has 10 nodes, more than the limit of 4 (--max-nodes):", error, StringComparison.Ordinal);
        Assert.Contains("--modules collapsed (add --module-depth 1 to collapse whole layers), --focus NAME, or draw part of the program with --root NAME. To draw it anyway: --force, or --max-nodes N.", error, StringComparison.Ordinal);
        Assert.Equal(plain, error.Contains("--plain turned the automatic views off", StringComparison.Ordinal));
        foreach (string libraryWord in new[] { "DrawingOptions", "RenderOptions", "ModuleView", "on by default" })
        {
            Assert.DoesNotContain(libraryWord, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wide_sum_is_drawn_as_one_counted_group_unless_plain()
    {
        // L = a0*b0 + … + a39*b39 with every number 1: 80 inputs, L = 40.
        string program = string.Concat(Enumerable.Range(0, 40).Select(i => $"a{i} = 1\nb{i} = 1\n"))
            + "L = " + string.Join(" + ", Enumerable.Range(0, 40).Select(i => $"a{i}*b{i}"));
        string file = Path.Combine(Directory.CreateTempSubdirectory("mgviz-fan-in-").FullName, "sum.mg");
        await File.WriteAllTextAsync(file, program, TestContext.Current.CancellationToken);

        var grouped = new FakeConsole();
        var plain = new FakeConsole();
        Assert.Equal(0, await grouped.RunAsync("render", "-f", file, "--collapse-chains", "--collapse-terms"));
        Assert.Equal(0, await plain.RunAsync("render", "-f", file, "--collapse-chains", "--collapse-terms", "--plain"));

        Assert.Contains("g0 [label=\"{80 inputs|a0 … b39|data 1.0000|grad 1.0000}\"", grouped.Stdout, StringComparison.Ordinal);
        Assert.Contains("label=\"{L|data 40.0000|grad 1.0000}\"", grouped.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("inputs", plain.Stdout, StringComparison.Ordinal);
        Assert.Contains("label=\"{b39|data 1.0000|grad 1.0000}\"", plain.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_in_process_crash_exits_4_with_its_message()
    {
        var console = new FakeConsole();

        int code = await MgvizCommandLine.GuardAsync(console.Console, () => throw new GraphvizCrashedException("Graphviz (in-process) ran out of stack (2 MiB): the graph is too deep for it."));

        Assert.Equal(4, code);
        Assert.Equal("mgviz: error: Graphviz (in-process) ran out of stack (2 MiB): the graph is too deep for it.\n", console.Error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_in_process_timeout_exits_5()
    {
        var console = new FakeConsole();

        int code = await console.RunAsync("render", string.Join(' ', Enumerable.Range(0, 400).Select(i => $"y{i} = x * {i};")) + " L = " + string.Join(" + ", Enumerable.Range(0, 400).Select(i => $"y{i}*y{(i * 7) % 400}")),
            "--set", "x=1", "--format", "svg", "--renderer", "inprocess", "--plain", "--force", "--timeout", "0.2");

        Assert.Equal(5, code);
        Assert.StartsWith("mgviz: error: Graphviz did not finish within 0.2 s and was stopped: graphviz 16.1.0 (in-process) -Tsvg -Kdot.", console.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, console.Stdout);
    }
}
