using BenchmarkDotNet.Attributes;
using MicroGrad.Nn;
using MicroGrad.Viz;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.Wasm;

namespace MicroGrad.Benchmarks;

/// <summary>The careful measures, with allocations: <c>dotnet run -c Release --project tools/MicroGrad.Benchmarks</c>.</summary>
[MemoryDiagnoser]
public class DemoStepBenchmarks
{
    private MoonsWorkload _data = null!;
    private FusedMoons _fused = null!;
    private Mlp _model = null!;
    private Sgd _sgd = null!;
    private Tape _tape = null!;
    private Sgd _tapeSgd = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = new MoonsWorkload();
        _fused = new FusedMoons(_data);
        _model = _data.NewModel();
        _sgd = new Sgd(_model, 1.0);
        var tapeModel = _data.NewModel();
        _tapeSgd = new Sgd(tapeModel, 1.0);
        _tape = MoonsWorkload.RecordStep(_data, tapeModel);
    }

    [Benchmark(Baseline = true)]
    public double Fused() => _fused.Step(50);

    [Benchmark]
    public double Engine() => _data.Step(_model, _sgd, 50);

    [Benchmark]
    public double Tape() => MoonsWorkload.TapeStep(_tape, _tapeSgd, 50);
}

[MemoryDiagnoser]
public class EngineBenchmarks
{
    private Value _chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        var x = new Value(0.5, "x");
        _chain = x;
        for (int i = 0; i < 100_000; i++)
        {
            _chain += x;
        }
    }

    [Benchmark]
    public void BackwardChain100k() => _chain.Backward();

    [Benchmark]
    public Value Multiply() => new Value(1.5) * new Value(2.5);
}

[MemoryDiagnoser]
public class DotBenchmarks
{
    private Value _loss = null!;
    private readonly DrawingOptions _plain = new() { FoldConstants = false, CollapseChains = false, CollapseTerms = false, GroupFanIn = false, Modules = ModuleView.None };

    [GlobalSetup]
    public void Setup()
    {
        var data = new MoonsWorkload();
        _loss = data.Loss(data.NewModel());
        _loss.Backward();
    }

    [Benchmark]
    public void EmitStepGraphNodeForNode() => _loss.WriteDot(TextWriter.Null, _plain);

    [Benchmark]
    public void EmitStepGraphDefaultViews() => _loss.WriteDot(TextWriter.Null);
}

[MemoryDiagnoser]
public class InProcessGraphvizBenchmarks
{
    private readonly string _seed = InProcessGraphviz.SeedDot();
    private readonly string _layered = InProcessGraphviz.LayeredDot(1000);

    [GlobalSetup]
    public void Setup() => WasmGraphviz.Shared.WarmUpAsync().GetAwaiter().GetResult();

    [Benchmark]
    public long SeedSvg() => Draw(_seed);

    [Benchmark]
    public long Layered1000Svg() => Draw(_layered);

    private static long Draw(string dot)
    {
        using var output = new MemoryStream();
        WasmGraphviz.Shared.RenderAsync(dot, OutputFormat.Svg, LayoutEngine.Dot, output).GetAwaiter().GetResult();
        return output.Length;
    }
}
