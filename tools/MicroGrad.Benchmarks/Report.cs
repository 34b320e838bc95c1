using System.Diagnostics;
using System.Globalization;
using MicroGrad.Nn;
using MicroGrad.Viz;
using MicroGrad.Viz.Drawing;

namespace MicroGrad.Benchmarks;

/// <summary>
/// The quick report: one <c>name: value unit</c> line per figure, in well under a minute. Timings are
/// medians of repeated runs after a warm-up; BenchmarkDotNet (the other mode) is the careful measure.
/// </summary>
public static class Report
{
    /// <summary>Values in the graph of one moons demo step as micrograd builds it (its sums start from an extra constant 0; ours, 65,814, do not).</summary>
    public const int DemoStepValues = 65_818;

    /// <summary>Runs the report; <paramref name="demoOnly"/> stops after the training-step figures (seconds, not minutes).</summary>
    public static int Run(TextWriter output, bool demoOnly = false)
    {
        var data = new MoonsWorkload();

        // The floor and the engine on the same step, in the same run.
        var fused = new FusedMoons(data);
        double fusedFirstLoss = fused.Step(0);
        WarmUp(k => fused.Step(1 + (k % 99)));
        double fusedMs = Median(400, k => fused.Step(1 + (k % 99))) * 1e3;

        var model = data.NewModel();
        var sgd = new Sgd(model, 1.0);
        double engineFirstLoss = data.Step(model, sgd, 0);
        double engineMs = Median(15, k => data.Step(model, sgd, 1 + k)) * 1e3;
        if (fusedFirstLoss != engineFirstLoss)
        {
            output.WriteLine(Line($"# warning: fused loss {fusedFirstLoss:R} differs from the engine's {engineFirstLoss:R}"));
        }

        // What one object per value costs before any arithmetic: the bound on the ratio while a
        // Value is a heap object (see the README's performance section). Measured before the tape:
        // a recorded graph, once garbage, leaves the heap in a state that makes this 4-6x slower.
        double allocationMs = Median(60, _ => AllocateStepOfValues()) * 1e3;

        var (tapeMs, tapeFirstLoss) = TapeStepMs(data);
        if (tapeFirstLoss != engineFirstLoss)
        {
            output.WriteLine(Line($"# warning: the tape's loss {tapeFirstLoss:R} differs from the engine's {engineFirstLoss:R}"));
        }

        output.WriteLine(Line($"demo-step-fused: {fusedMs:0.000} ms"));
        output.WriteLine(Line($"demo-step-engine: {engineMs:0.000} ms"));
        output.WriteLine(Line($"demo-step-ratio: {engineMs / fusedMs:0.00}"));
        output.WriteLine(Line($"demo-step-tape: {tapeMs:0.000} ms"));
        output.WriteLine(Line($"demo-step-tape-ratio: {tapeMs / fusedMs:0.00}"));
        if (demoOnly)
        {
            return 0;
        }

        output.WriteLine(Line($"demo-step-alloc-floor: {allocationMs:0.000} ms"));
        output.WriteLine(Line($"demo-step-alloc-ratio: {allocationMs / fusedMs:0.00}"));

        output.WriteLine(Line($"backward-chain-1m: {BackwardChainNsPerValue():0.0} ns/value"));
        output.WriteLine(Line($"value-bytes: {ValueBytes():0}"));

        var (nsPerValue, mbPerSecond) = DotEmit(data);
        output.WriteLine(Line($"dot-emit-65k: {nsPerValue:0.0} ns/value"));
        output.WriteLine(Line($"dot-emit-mb-per-s: {mbPerSecond:0.0}"));

        foreach (string line in InProcessGraphviz.Report())
        {
            output.WriteLine(line);
        }

        string mgviz = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "mgviz.exe" : "mgviz");
        var (dotOnly, dotOnlyLine) = ColdStart("cli-cold-start", mgviz, []);
        output.WriteLine(dotOnlyLine);

        // The same command writing SVG on a machine without Graphviz: PATH holds no dot.
        string noGraphviz = Directory.CreateTempSubdirectory("mgviz-no-dot-").FullName;
        string svg = Path.Combine(noGraphviz, "L.svg");
        var withoutDot = new Dictionary<string, string> { ["PATH"] = noGraphviz };
        var (inProcess, inProcessLine) = ColdStart("cli-cold-start-svg-inprocess", mgviz, ["-o", svg], withoutDot);
        output.WriteLine(inProcessLine);
        output.WriteLine(Line($"cli-cold-start-svg-inprocess-ratio: {inProcess / dotOnly:0.00}"));
        string aot = Environment.GetEnvironmentVariable("MGVIZ_AOT") is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "aot", "mgviz");
        if (File.Exists(aot))
        {
            var (aotDot, aotDotLine) = ColdStart("cli-cold-start-aot", aot, []);
            output.WriteLine(aotDotLine);
            var (aotSvg, aotSvgLine) = ColdStart("cli-cold-start-aot-svg-inprocess", aot, ["-o", svg], withoutDot);
            output.WriteLine(aotSvgLine);
            output.WriteLine(Line($"cli-cold-start-aot-svg-inprocess-ratio: {aotSvg / aotDot:0.00}"));
        }
        else
        {
            output.WriteLine("# cli-cold-start-aot: no AOT binary; publish one with: dotnet publish src/MicroGrad.Viz.Cli -c Release -r linux-x64 -p:PublishAot=true -o tools/MicroGrad.Benchmarks/bin/Release/net10.0/aot");
        }

        Directory.Delete(noGraphviz, recursive: true);
        return 0;
    }

    /// <summary>Backward over y = x + x + … (1,000,000 additions), per value in the graph.</summary>
    public static double BackwardChainNsPerValue()
    {
        var x = new Value(0.5, "x");
        var y = x;
        for (int i = 0; i < 1_000_000; i++)
        {
            y += x;
        }

        y.Backward(); // warm-up: JIT and first-touch of every node
        var times = new List<double>();
        for (int run = 0; run < 5; run++)
        {
            y.ZeroGradients();
            var clock = Stopwatch.StartNew();
            y.Backward();
            times.Add(clock.Elapsed.TotalNanoseconds / 1_000_001);
        }

        return Median(times);
    }

    /// <summary>Creates as many leaf values as one demo step's graph holds, and keeps them alive together.</summary>
    public static void AllocateStepOfValues()
    {
        var values = new Value[DemoStepValues];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = new Value(i);
        }

        GC.KeepAlive(values);
    }

    /// <summary>Bytes allocated per value an operator creates (a * b, no constants).</summary>
    public static double ValueBytes()
    {
        var a = new Value(1.5);
        var b = new Value(2.5);
        var keep = new Value[100_000];
        _ = a * b;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < keep.Length; i++)
        {
            keep[i] = a * b;
        }

        long after = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(keep);
        return (after - before) / (double)keep.Length;
    }

    /// <summary>Writing the node-for-node DOT of one training step's graph to a discarding writer.</summary>
    public static (double NsPerValue, double MbPerSecond) DotEmit(MoonsWorkload data)
    {
        var model = data.NewModel();
        var loss = data.Loss(model);
        loss.Backward();
        int values = loss.TopologicalOrder().Count;
        var plain = new DrawingOptions { FoldConstants = false, CollapseChains = false, CollapseTerms = false, GroupFanIn = false, Modules = ModuleView.None };
        var writer = new CountingWriter();
        // Warm-up: the writer's loops run once per call, so the JIT only promotes them to optimised
        // code after 30 calls; measuring earlier would time the quick first-tier code.
        for (int run = 0; run < 40; run++)
        {
            loss.WriteDot(writer, plain);
        }

        var times = new List<double>();
        for (int run = 0; run < 5; run++)
        {
            writer.Count = 0;
            var clock = Stopwatch.StartNew();
            loss.WriteDot(writer, plain);
            times.Add(clock.Elapsed.TotalSeconds);
        }

        double seconds = Median(times);
        return (seconds * 1e9 / values, writer.Count / 1e6 / seconds);
    }

    /// <summary>Median wall time of <c>mgviz render</c> on the seed (DOT to standard output, or <paramref name="extra"/> arguments), one unmeasured run first.</summary>
    private static (double Ms, string Line) ColdStart(string name, string executable, string[] extra, Dictionary<string, string>? environment = null)
    {
        if (!File.Exists(executable))
        {
            return (double.NaN, $"# {name}: {executable} not found");
        }

        string[] arguments = ["render", "e = a*b; d = e + c; L = d*f", "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2", .. extra];
        var times = new List<double>();
        for (int run = 0; run < 12; run++)
        {
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (key, value) in environment ?? [])
            {
                start.Environment[key] = value;
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            error.Wait();
            if (run > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        double median = Median(times);
        return (median, Line($"{name}: {median:0} ms"));
    }

    /// <summary>
    /// The same step replayed through a tape recorded from the engine's graph (its own model, so the
    /// tape and its graph are garbage when this returns), median after warm-up, and its first loss.
    /// </summary>
    private static (double Ms, double FirstLoss) TapeStepMs(MoonsWorkload data)
    {
        var model = data.NewModel();
        var sgd = new Sgd(model, 1.0);
        var tape = MoonsWorkload.RecordStep(data, model);
        double firstLoss = MoonsWorkload.TapeStep(tape, sgd, 0);
        WarmUp(k => MoonsWorkload.TapeStep(tape, sgd, 1 + (k % 99)));
        return (Median(400, k => MoonsWorkload.TapeStep(tape, sgd, 1 + (k % 99))) * 1e3, firstLoss);
    }

    /// <summary>
    /// Calls <paramref name="action"/> for a second: loops that run once per call are promoted from the
    /// JIT's first tier (and on-stack replacement) to optimised code only after 30 calls and a quiet
    /// spell, so a short warm-up times the first-tier code.
    /// </summary>
    internal static void WarmUp(Action<int> action)
    {
        var clock = Stopwatch.StartNew();
        for (int k = 0; clock.Elapsed < TimeSpan.FromSeconds(1); k++)
        {
            action(k);
        }
    }

    internal static double Median(int runs, Action<int> action)
    {
        for (int k = 0; k < 3; k++)
        {
            action(k);
        }

        var times = new List<double>();
        for (int k = 0; k < runs; k++)
        {
            var clock = Stopwatch.StartNew();
            action(3 + k);
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return Median(times);
    }

    internal static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    internal static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Discards text, counting it (ASCII DOT: one byte per char, close enough for UTF-8).</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Count { get; set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Count++;

        public override void Write(string? value) => Count += value?.Length ?? 0;

        public override void Write(ReadOnlySpan<char> buffer) => Count += buffer.Length;

        public override void Write(char[] buffer, int index, int count) => Count += count;
    }
}
