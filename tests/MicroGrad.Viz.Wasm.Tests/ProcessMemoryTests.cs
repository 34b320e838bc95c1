using System.Diagnostics;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>Tests that read the process's memory run alone, so no other test's allocations blur what they see.</summary>
[CollectionDefinition(nameof(ProcessMemory), DisableParallelization = true)]
public sealed class ProcessMemory
{
    /// <summary>The process's working set in MiB, after a full garbage collection.</summary>
    internal static long WorkingSetMiB()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 >> 20;
    }
}

/// <summary>An instance that drew a big graph gives its memory back when its rendering ends.</summary>
[Collection(nameof(ProcessMemory))]
public sealed class BigGraphMemoryTests
{
    [Fact]
    public async Task The_memory_a_big_graph_needed_is_given_back_after_its_rendering()
    {
        // minlen=100000 makes dot place 100,000 virtual nodes on the edge: about 200 MiB of linear memory
        // for a ten-character graph. Every instance that rendered is disposed (none goes back to the pool),
        // so its memory must be unmapped when the rendering ends.
        var graphviz = new WasmGraphviz();
        await graphviz.RenderAsync("digraph { a -> b }", OutputFormat.Svg, LayoutEngine.Dot, TestContext.Current.CancellationToken);
        long before = ProcessMemory.WorkingSetMiB();

        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var process = Process.GetCurrentProcess();
                peak = Math.Max(peak, process.WorkingSet64 >> 20);
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        await graphviz.RenderAsync("digraph { a -> b [minlen=100000] }", OutputFormat.Svg, LayoutEngine.Dot, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await sampler;
        long after = ProcessMemory.WorkingSetMiB();

        TestContext.Current.SendDiagnosticMessage($"working set: {before} MiB before, {peak} MiB at the peak, {after} MiB after");
        Assert.True(peak - before > 120, $"the big graph did not grow the process ({before} → {peak} MiB): it tests nothing");
        Assert.True(after - before < 60, $"the working set stayed grown: {before} MiB before, {peak} MiB at the peak, {after} MiB after");
    }
}
