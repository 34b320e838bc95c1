using System.Globalization;
using System.Text.Json;
using MicroGrad.Nn;

namespace MicroGrad.Benchmarks;

/// <summary>micrograd's demo data, weights and one training step, with the engine.</summary>
public sealed class MoonsWorkload
{
    public MoonsWorkload()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "data");
        var rows = File.ReadAllLines(Path.Combine(folder, "moons100.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Points = [.. rows.Select(r => new[] { r[0], r[1] })];
        Labels = [.. rows.Select(r => r[2])];
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "mlp-2-16-16-1.init.json")));
        InitialWeights = [.. json.RootElement.GetProperty("parameters").EnumerateArray().Select(e => e.GetDouble())];
    }

    public double[][] Points { get; }

    public double[] Labels { get; }

    public double[] InitialWeights { get; }

    public Mlp NewModel()
    {
        var model = new Mlp(2, 16, 16, 1);
        model.LoadParameters(InitialWeights);
        return model;
    }

    /// <summary>The demo's loss (the moons example's own): mean max-margin loss plus 1e-4 · Σ p².</summary>
    public Value Loss(Mlp model) => MicroGrad.Examples.MoonsDemo.Loss(model, Points, Labels).Total;

    /// <summary>The loss on the first point alone, with the L2 term: the one-point MLP graph (about 1,660 values).</summary>
    public Value OnePointLoss(Mlp model)
    {
        var score = model.Forward([new Value(Points[0][0], "x0"), new Value(Points[0][1], "x1")])[0];
        return (1 + (-Labels[0] * score)).Relu() + (1e-4 * Value.Sum(model.Parameters().Select(p => p * p)));
    }

    /// <summary>A tape recorded from the demo's loss for <paramref name="model"/>, with its optimiser.</summary>
    public static Tape RecordStep(MoonsWorkload data, Mlp model) => Tape.Record(data.Loss(model));

    /// <summary>One full step replayed through a tape: forward, zero grads, backward, SGD. Allocates nothing.</summary>
    public static double TapeStep(Tape tape, Sgd sgd, int k)
    {
        tape.Forward();
        sgd.ZeroGrad();
        tape.Backward();
        sgd.LearningRate = 1.0 - (0.9 * k / 100);
        sgd.Step();
        return tape.Outputs[0].Data;
    }

    /// <summary>One full step: forward over every point, loss, zero grads, backward, SGD.</summary>
    public double Step(Mlp model, Sgd sgd, int k)
    {
        var total = Loss(model);
        model.ZeroGrad();
        total.Backward();
        sgd.LearningRate = 1.0 - (0.9 * k / 100);
        sgd.Step();
        return total.Data;
    }
}
