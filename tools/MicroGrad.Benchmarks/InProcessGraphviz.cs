using System.Diagnostics;
using System.Globalization;
using System.Text;
using MicroGrad.Viz;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.Wasm;

namespace MicroGrad.Benchmarks;

/// <summary>
/// Graphviz in-process against the native <c>dot</c>, on the same DOT in the same run: the seed and a
/// 1,000-node layered graph of record nodes, plus how far past its timeout a layout is stopped.
/// </summary>
public static class InProcessGraphviz
{
    /// <summary>The seed graph's DOT (micrograd's lecture: <c>L = (a*b + c) * f</c>), after backward.</summary>
    public static string SeedDot()
    {
        var l = MicroGrad.Examples.SeedWalkthrough.BuildL(2.0, -3.0, 10.0, -2.0).L;
        l.Backward();
        return l.ToDot();
    }

    /// <summary>
    /// A layered graph like a computation graph: 20 layers of <paramref name="nodes"/>/20 record nodes,
    /// each fed by one random node of the layer before and, 61 times in 100, a second (about 1,600
    /// edges for 1,000 nodes), laid out left to right. Seeded, so every run draws the same graph.
    /// </summary>
    public static string LayeredDot(int nodes)
    {
        const int Layers = 20;
        int width = nodes / Layers;
        var random = new Random(2026);
        var text = new StringBuilder("digraph G {\nrankdir=LR;\nnode [shape=record fontname=\"Helvetica\" fontsize=10];\n");
        for (int i = 0; i < nodes; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"v{i} [label=\"{{ v{i} | data {random.NextDouble() * 4 - 2:0.0000} | grad {random.NextDouble() * 4 - 2:0.0000} }}\"];\n");
        }

        for (int i = width; i < nodes; i++)
        {
            int layerStart = (i / width - 1) * width;
            text.Append(CultureInfo.InvariantCulture, $"v{layerStart + random.Next(width)} -> v{i};\n");
            if (random.NextDouble() < 0.61)
            {
                text.Append(CultureInfo.InvariantCulture, $"v{layerStart + random.Next(width)} -> v{i};\n");
            }
        }

        return text.Append("}\n").ToString();
    }

    public static IEnumerable<string> Report()
    {
        var wasm = WasmGraphviz.Shared;
        wasm.WarmUpAsync().GetAwaiter().GetResult();
        string seed = SeedDot();
        string layered = LayeredDot(1000);
        double InProcess(string dot)
        {
            using var output = new MemoryStream();
            wasm.RenderAsync(dot, OutputFormat.Svg, LayoutEngine.Dot, output).GetAwaiter().GetResult();
            return output.Length;
        }

        double seedInProcess = Benchmarks.Report.Median(40, _ => InProcess(seed)) * 1e3;
        double layeredInProcess = Benchmarks.Report.Median(3, _ => InProcess(layered)) * 1e3;
        yield return Benchmarks.Report.Line($"inprocess-svg-seed: {seedInProcess:0.00} ms");

        string? dot = FindDot();
        if (dot is null)
        {
            yield return "# native-svg-seed, inprocess-svg-seed-ratio: no native dot on PATH";
        }
        else
        {
            var runner = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = dot });
            double Native(string text) => runner.RenderAsync(text, OutputFormat.Svg).GetAwaiter().GetResult().Output.Length;
            double seedNative = Benchmarks.Report.Median(15, _ => Native(seed)) * 1e3;
            yield return Benchmarks.Report.Line($"native-svg-seed: {seedNative:0.00} ms");
            yield return Benchmarks.Report.Line($"inprocess-svg-seed-ratio: {seedInProcess / seedNative:0.00}");
            yield return Benchmarks.Report.Line($"inprocess-svg-1000: {layeredInProcess:0} ms");
            double layeredNative = Benchmarks.Report.Median(3, _ => Native(layered)) * 1e3;
            yield return Benchmarks.Report.Line($"native-svg-1000: {layeredNative:0} ms");
            yield return Benchmarks.Report.Line($"inprocess-svg-1000-ratio: {layeredInProcess / layeredNative:0.00}");
        }

        if (dot is null)
        {
            yield return Benchmarks.Report.Line($"inprocess-svg-1000: {layeredInProcess:0} ms");
        }

        yield return Benchmarks.Report.Line($"inprocess-timeout-overshoot: {TimeoutOvershootMs(wasm):0} ms");

        // The 300-term sum of products drawn with the default views (its fan-in group), end to end:
        // build the graph, backward, DOT, layout, SVG.
        double WideSum(RenderOptions options) =>
            Benchmarks.Report.Median(5, run =>
            {
                var sum = Enumerable.Range(0, 300)
                    .Select(i => new Value(i, "a" + i.ToString(CultureInfo.InvariantCulture)) * new Value(1, "b" + i.ToString(CultureInfo.InvariantCulture)))
                    .Aggregate((x, y) => x + y);
                sum.Backward();
                _ = sum.RenderAsync(OutputFormat.Svg, rendering: options).GetAwaiter().GetResult();
            }) * 1e3;
        yield return Benchmarks.Report.Line($"wide-sum-300-svg-inprocess: {WideSum(new RenderOptions { Renderer = GraphvizChoice.InProcess, InProcess = wasm }):0.0} ms");
        if (dot is not null)
        {
            yield return Benchmarks.Report.Line($"wide-sum-300-svg-native: {WideSum(new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = dot }):0.0} ms");
        }
    }

    /// <summary>How long after a 1 s timeout a long layout (the 6,000-node random graph) comes back through the renderer: median of 3.</summary>
    private static double TimeoutOvershootMs(WasmGraphviz wasm)
    {
        var random = new Random(12);
        var text = new StringBuilder("digraph { ");
        for (int i = 0; i < 6000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"n{i} -> n{random.Next(6000)}; n{i} -> n{random.Next(6000)}; ");
        }

        string slow = text.Append('}').ToString();
        var renderer = new GraphRenderer(new RenderOptions { Renderer = GraphvizChoice.InProcess, InProcess = wasm, Timeout = TimeSpan.FromSeconds(1) });
        var overshoots = new List<double>();
        for (int run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                renderer.RenderAsync(slow, OutputFormat.Svg).GetAwaiter().GetResult();
            }
            catch (RenderTimeoutException)
            {
            }

            overshoots.Add(clock.Elapsed.TotalMilliseconds - 1000);
        }

        return Benchmarks.Report.Median(overshoots);
    }

    private static string? FindDot()
    {
        try
        {
            return new NativeGraphviz().FindDot();
        }
        catch (GraphvizNotFoundException)
        {
            return null;
        }
    }
}
