using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>
/// Graphviz's own test graphs (<c>Corpus/graphviz</c>, vendored by <c>tools/graphviz-corpus/vendor.sh</c>)
/// drawn by native <c>dot</c> and by Graphviz in-process: what native draws, in-process draws too with
/// the same nodes, unless <c>Corpus/expected-differences.txt</c> names the file with its reason; every
/// failure is typed; one renderer drawing file after file draws each as a fresh instance does. CI draws a fixed sample
/// (leaving out the files <c>Corpus/slow.txt</c> names, which take seconds each); <c>MGVIZ_CORPUS=all</c> draws every file
/// (<c>tools/graphviz-corpus/run.sh</c>), <c>MGVIZ_CORPUS_REPORT=FILE</c> writes one line per file, and
/// <c>MGVIZ_CORPUS_TIMEOUT=SECONDS</c> gives each rendering longer than its 10 s.
/// The process's memory after the corpus stays within twice its memory after the first graph plus
/// <see cref="MemoryAllowanceMiB"/> (the tests read the working set, so they run alone).
/// </summary>
[Collection(nameof(ProcessMemory))]
public sealed partial class CorpusTests
{
    private const int SampleSize = 60;

    // What the runtime may keep after many renderings (compiled code, GC heap, thread pool) beyond twice the
    // first graph's working set; an instance's memory kept alive would add hundreds of MiB.
    private const long MemoryAllowanceMiB = 128;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("MGVIZ_CORPUS_TIMEOUT"), System.Globalization.CultureInfo.InvariantCulture, out int seconds) && seconds > 0 ? seconds : 10);

    private static string Folder => Path.Combine(Snapshot.RepositoryRoot, "tests", "MicroGrad.Viz.Wasm.Tests", "Corpus");

    [Fact]
    public async Task Every_graph_native_dot_draws_is_drawn_in_process_with_the_same_nodes_and_every_failure_is_typed()
    {
        string dot = GraphvizRequirement.RequireDot();
        var files = Directory.GetFiles(Path.Combine(Folder, "graphviz")).Where(f => f.EndsWith(".dot", StringComparison.Ordinal) || f.EndsWith(".gv", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        bool all = Environment.GetEnvironmentVariable("MGVIZ_CORPUS") == "all";
        var slow = Listed("slow.txt");
        var chosen = all ? files : [.. files.Where(f => !slow.ContainsKey(Path.GetFileName(f))).OrderBy(f => StableHash(Path.GetFileName(f))).Take(SampleSize)];
        var expected = Listed("expected-differences.txt");
        var native = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = dot, Timeout = s_timeout });
        var inProcess = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess, Timeout = s_timeout });
        var problems = new List<string>();
        var report = new StringBuilder();
        var counts = new Dictionary<string, int>();
        long? afterFirst = null;

        foreach (string file in chosen)
        {
            string name = Path.GetFileName(file);
            string text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            var fromNative = await DrawAsync(native, text);
            var fromInProcess = await DrawAsync(inProcess, text);
            var fromFresh = await DrawAsync(new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess, InProcess = new WasmGraphviz(), Timeout = s_timeout }), text);
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{name}\tnative {fromNative.Text}\tin-process {fromInProcess.Text}");
            string kind = (fromNative.Nodes is not null, fromInProcess.Nodes is not null) switch
            {
                (true, true) => "both",
                (true, false) => "native only",
                (false, true) => "in-process only",
                _ => "neither",
            };
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            afterFirst ??= ProcessMemory.WorkingSetMiB();

            if (fromInProcess.Untyped is { } untyped)
            {
                problems.Add($"{name}: in-process threw {untyped}");
            }

            // The renderer that drew every file before this one draws it as a Graphviz that drew nothing
            // before (a timeout on one side only is the clock, not the drawing).
            if (fromInProcess.Text != fromFresh.Text && fromInProcess.Text != TimedOut && fromFresh.Text != TimedOut)
            {
                problems.Add($"{name}: in-process after the files before it: {fromInProcess.Text}; fresh: {fromFresh.Text}");
            }
            else if (fromInProcess.Sha256 != fromFresh.Sha256 && fromInProcess.Sha256 is not null && fromFresh.Sha256 is not null)
            {
                problems.Add($"{name}: in-process after the files before it drew other bytes than a fresh instance");
            }

            if (fromInProcess.Overran)
            {
                problems.Add(FormattableString.Invariant($"{name}: in-process ran {fromInProcess.Elapsed.TotalSeconds:0.0} s, past its timeout of {s_timeout.TotalSeconds} s by more than 0.5 s"));
            }

            if (expected.ContainsKey(name))
            {
                continue;
            }

            if (fromNative.Nodes is not null && fromInProcess.Nodes is null)
            {
                problems.Add($"{name}: native drew it, in-process: {fromInProcess.Text}");
            }
            else if (fromNative.Nodes is { } n && fromInProcess.Nodes is { } p && n != p)
            {
                problems.Add($"{name}: native drew {n} nodes, in-process {p}");
            }
        }

        if (Environment.GetEnvironmentVariable("MGVIZ_CORPUS_REPORT") is { Length: > 0 } reportFile)
        {
            await File.WriteAllTextAsync(reportFile, report.ToString(), TestContext.Current.CancellationToken);
        }

        long afterAll = ProcessMemory.WorkingSetMiB();
        if (afterAll > (2 * afterFirst!.Value) + MemoryAllowanceMiB)
        {
            problems.Add($"working set {afterAll} MiB after the corpus, {afterFirst} MiB after the first graph");
        }

        TestContext.Current.SendDiagnosticMessage($"corpus: {chosen.Length} files; " + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")) + $"; working set {afterFirst} MiB after the first graph, {afterAll} MiB after all");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Truncated_graphs_are_drawn_or_rejected_with_a_typed_error_and_never_as_success_with_an_error()
    {
        // Each corpus file of the sample cut at a point drawn from a fixed seed: broken input as a user's
        // editor might save it. Success must come without an Error: line; failure must be a RenderException.
        var renderer = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess, Timeout = s_timeout });
        var random = new Random(20261203);
        var files = Directory.GetFiles(Path.Combine(Folder, "graphviz")).Where(f => f.EndsWith(".gv", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(40);
        int rejected = 0;
        foreach (string file in files)
        {
            string text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            string cut = text[..random.Next(text.Length)];
            var outcome = await DrawAsync(renderer, cut);

            Assert.True(outcome.Untyped is null, $"{Path.GetFileName(file)} cut at {cut.Length}: {outcome.Untyped}");
            rejected += outcome.Nodes is null ? 1 : 0;
        }

        Assert.True(rejected > 20, $"only {rejected} of 40 cut files were rejected: a cut graph has no closing brace");
    }

    [Fact]
    public void Every_vendored_graph_has_the_hash_its_provenance_note_pins_and_nothing_else_is_there()
    {
        string folder = Path.Combine(Folder, "graphviz");
        var pinned = File.ReadAllLines(Path.Combine(folder, "README.md"))
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| file", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1], cells => cells[2], StringComparer.Ordinal);
        var present = Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => n!.EndsWith(".dot", StringComparison.Ordinal) || n.EndsWith(".gv", StringComparison.Ordinal));

        Assert.Equal(pinned.Keys.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
        Assert.All(pinned, pair => Assert.Equal(pair.Value, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, pair.Key))))));
    }

    [Theory]
    [InlineData("expected-differences.txt")]
    [InlineData("slow.txt")]
    public void Every_listed_file_is_a_vendored_file_with_a_note(string list)
    {
        foreach (var (name, reason) in Listed(list))
        {
            Assert.True(File.Exists(Path.Combine(Folder, "graphviz", name)), $"{name} is not in the corpus");
            Assert.False(string.IsNullOrWhiteSpace(reason), $"{name} has no reason");
        }
    }

    /// <summary>A list of corpus files, one per line with a note after the name; <c>#</c> starts a comment line.</summary>
    private static Dictionary<string, string> Listed(string list) =>
        File.ReadAllLines(Path.Combine(Folder, list))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty, StringComparer.Ordinal);

    private static ulong StableHash(string text)
    {
        ulong hash = 14695981039346656037UL; // FNV-1a: the same sample on every run and machine
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private const string TimedOut = "timed out";

    private sealed record Outcome(int? Nodes, string Text, string? Untyped, TimeSpan Elapsed, bool Overran, string? Sha256 = null);

    private static async Task<Outcome> DrawAsync(GraphRenderer renderer, string text)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await renderer.RenderAsync(text, OutputFormat.Svg, TestContext.Current.CancellationToken);
            int nodes = NodeGroup().Count(Encoding.UTF8.GetString(result.Output.Span));
            return new Outcome(nodes, $"drew {nodes} nodes", null, clock.Elapsed, false, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(result.Output.Span)));
        }
        catch (RenderTimeoutException)
        {
            return new Outcome(null, TimedOut, null, clock.Elapsed, clock.Elapsed > s_timeout + TimeSpan.FromSeconds(0.5));
        }
        catch (RenderException error)
        {
            string first = error.Message.Split('\n').Skip(1).FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? error.Message;
            return new Outcome(null, $"{error.GetType().Name}: {first[..Math.Min(first.Length, 160)]}", null, clock.Elapsed, false);
        }
#pragma warning disable CA1031 // Anything else is what the test reports.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return new Outcome(null, "untyped", $"{error.GetType().Name}: {error.Message}", clock.Elapsed, false);
        }
    }

    [GeneratedRegex("<g id=\"node\\d+\" class=\"node\">")]
    private static partial Regex NodeGroup();
}
