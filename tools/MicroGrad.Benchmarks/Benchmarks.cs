using BenchmarkDotNet.Attributes;
using MicroGrad.Nn;
using MicroGrad.Viz;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Embedded;

namespace MicroGrad.Benchmarks;

/// <summary>The careful measures, with allocations: <c>dotnet run -c Release --project tools/MicroGrad.Benchmarks</c>.</summary>
[MemoryDiagnoser]
public class DemoStepBenchmarks
{
    private MoonsWorkload _data = null!;
    private FusedMoons _fused = null!;
    private Mlp _model = null!;
    private Sgd _sgd = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = new MoonsWorkload();
        _fused = new FusedMoons(_data);
        _model = _data.NewModel();
        _sgd = new Sgd(_model, 1.0);
    }

    [Benchmark(Baseline = true)]
    public double Fused() => _fused.Step(50);

    [Benchmark]
    public double Engine() => _data.Step(_model, _sgd, 50);
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
    private readonly DrawingOptions _plain = new() { FoldConstants = false, CollapseChains = false, CollapseTerms = false, Modules = ModuleView.None };

    [GlobalSetup]
    public void Setup()
    {
        var data = new MoonsWorkload();
        _loss = data.Loss(data.NewModel());
        _loss.Backward();
    }

    [Benchmark]
    public void EmitStepGraphNodeForNode() => ValueGraphWriter.Write(_loss, TextWriter.Null, _plain);

    [Benchmark]
    public void EmitStepGraphDefaultViews() => ValueGraphWriter.Write(_loss, TextWriter.Null);
}

[MemoryDiagnoser]
public class EmbeddedRendererBenchmarks
{
    private DotGraph _onePoint = null!;
    private DotGraph _step = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = new MoonsWorkload();
        var model = data.NewModel();
        var onePoint = data.OnePointLoss(model);
        onePoint.Backward();
        var step = data.Loss(model);
        step.Backward();
        _onePoint = ValueGraphWriter.ToDotGraph(onePoint);
        _step = ValueGraphWriter.ToDotGraph(step);
    }

    [Benchmark]
    public void OnePointMlpSvg() => EmbeddedRenderer.WriteSvg(_onePoint, TextWriter.Null);

    [Benchmark]
    public void TrainingStepSvg() => EmbeddedRenderer.WriteSvg(_step, TextWriter.Null);
}
