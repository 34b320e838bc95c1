using System.Globalization;

namespace MicroGrad.Examples;

/// <summary>The key numbers of the example, for its test.</summary>
public sealed record NeuronResults(double Output, double OutputViaExp, IReadOnlyList<(string Name, double Tanh, double Exp)> Gradients, string Dot);

/// <summary>
/// The lecture's neuron <c>o = tanh(x1*w1 + x2*w2 + b)</c>: drawn after backward, then the same
/// neuron with tanh written as <c>(e^{2n} - 1) / (e^{2n} + 1)</c>, which must give the same gradients.
/// </summary>
public static class LectureNeuron
{
    private const double Bias = 6.8813735870195432;

    public static async Task<NeuronResults> RunAsync(TextWriter log, string outputFolder)
    {
        var output = new ExampleOutput(outputFolder, log);

        var (leaves, n) = Neuron();
        var o = n.Tanh();
        o.Label = "o";
        o.Backward();
        await log.WriteLineAsync(Invariant($"o = tanh(n) = {o.Data}")).ConfigureAwait(false);
        string dot = await output.DrawAsync(o, "neuron").ConfigureAwait(false);

        var (expLeaves, n2) = Neuron();
        var e = (2 * n2).Exp();
        e.Label = "e";
        var o2 = (e - 1) / (e + 1);
        o2.Label = "o";
        o2.Backward();
        await log.WriteLineAsync(Invariant($"o = (e^2n - 1) / (e^2n + 1) = {o2.Data}")).ConfigureAwait(false);
        await output.DrawAsync(o2, "neuron-exp").ConfigureAwait(false);

        var gradients = leaves.Select((leaf, i) => (leaf.Label!, leaf.Grad, expLeaves[i].Grad)).ToList();
        await log.WriteLineAsync($"{"leaf",-4}  {"grad (tanh)",-22}  grad (exp)").ConfigureAwait(false);
        foreach (var (name, viaTanh, viaExp) in gradients)
        {
            await log.WriteLineAsync(Invariant($"{name,-4}  {viaTanh,-22:R}  {viaExp:R}")).ConfigureAwait(false);
        }

        return new NeuronResults(o.Data, o2.Data, gradients, dot);
    }

    /// <summary>The lecture's inputs, weights and bias, and n = x1*w1 + x2*w2 + b with its labels.</summary>
    private static (Value[] Leaves, Value N) Neuron()
    {
        var x1 = new Value(2.0, "x1");
        var x2 = new Value(0.0, "x2");
        var w1 = new Value(-3.0, "w1");
        var w2 = new Value(1.0, "w2");
        var b = new Value(Bias, "b");
        var x1w1 = x1 * w1;
        x1w1.Label = "x1*w1";
        var x2w2 = x2 * w2;
        x2w2.Label = "x2*w2";
        var sum = x1w1 + x2w2;
        sum.Label = "x1*w1 + x2*w2";
        var n = sum + b;
        n.Label = "n";
        return ([x1, x2, w1, w2, b], n);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
