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

    /// <summary>The demo's loss: mean max-margin loss plus 1e-4 · Σ p².</summary>
    public Value Loss(Mlp model)
    {
        var losses = new Value[Points.Length];
        for (int i = 0; i < Points.Length; i++)
        {
            var score = model.Forward([new Value(Points[i][0]), new Value(Points[i][1])])[0];
            losses[i] = (1 + (-Labels[i] * score)).Relu();
        }

        var dataLoss = Value.Sum(losses) * (1.0 / losses.Length);
        return dataLoss + (1e-4 * Value.Sum(model.Parameters().Select(p => p * p)));
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
