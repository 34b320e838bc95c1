using System.Globalization;

namespace MicroGrad.Examples;

/// <summary>The key numbers of the walk-through, for the example's test.</summary>
public sealed record SeedResults(
    double FOfThree,
    double SlopeAtTwoThirds,
    double[] NudgedSlopes,
    double Lol,
    double GradCheckA,
    double NudgedL,
    string DotManual,
    string DotBackward);

/// <summary>
/// Replays the seed notebook: a function and its derivative, nudging inputs, building
/// <c>L = (a*b + c) * f</c>, setting gradients by hand, then with <see cref="Value.Backward"/>.
/// </summary>
public static class SeedWalkthrough
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<SeedResults> RunAsync(TextWriter log, string outputFolder)
    {
        var output = new ExampleOutput(outputFolder, log);

        // 1. A plain function and its derivative, numerically.
        static double F(double x) => (3 * x * x) - (4 * x) + 5;
        await log.WriteLineAsync(Line($"f(3) = {F(3.0)}")).ConfigureAwait(false);
        double[] xs = [.. Enumerable.Range(0, 100).Select(i => -5 + (i * 0.1))];
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(xs, [.. xs.Select(F)]);
        plot.Title("f(x) = 3x² - 4x + 5");
        plot.XLabel("x");
        plot.YLabel("f(x)");
        string plotPath = output.PathOf("f.svg");
        plot.SaveSvg(plotPath, 600, 400);
        await log.WriteLineAsync($"  plotted f over [-5, 5): {plotPath}").ConfigureAwait(false);

        const double h = 0.000001;
        double x0 = 2.0 / 3.0;
        double slope = (F(x0 + h) - F(x0)) / h;
        await log.WriteLineAsync(Line($"numeric derivative of f at 2/3 = {slope} (about 0)")).ConfigureAwait(false);

        // 2. d = a*b + c: nudge each input to see its slope.
        const double nudge = 0.0001;
        static double D(double a, double b, double c) => (a * b) + c;
        double d1 = D(2.0, -3.0, 10.0);
        double[] slopes =
        [
            (D(2.0 + nudge, -3.0, 10.0) - d1) / nudge,
            (D(2.0, -3.0 + nudge, 10.0) - d1) / nudge,
            (D(2.0, -3.0, 10.0 + nudge) - d1) / nudge,
        ];
        await log.WriteLineAsync(Line($"d = a*b + c = {d1}; slopes by nudging: dd/da = {slopes[0]}, dd/db = {slopes[1]}, dd/dc = {slopes[2]}")).ConfigureAwait(false);

        // 3. L = (a*b + c) * f, drawn before gradients, with gradients set by hand, and after Backward().
        var (leaves, l) = BuildL(2.0, -3.0, 10.0, -2.0);
        await log.WriteLineAsync(Line($"L = {l.Data}")).ConfigureAwait(false);
        await output.DrawAsync(l, "L-forward").ConfigureAwait(false);

        SetGradientsByHand(l);
        string manual = await output.DrawAsync(l, "L-manual").ConfigureAwait(false);

        var (_, again) = BuildL(2.0, -3.0, 10.0, -2.0);
        again.Backward();
        string backward = await output.DrawAsync(again, "L-backward").ConfigureAwait(false);
        await log.WriteLineAsync($"the hand-set and backward drawings are identical: {manual == backward}").ConfigureAwait(false);

        // 4. The seed's "lol": a numeric check of dL/da, then the same through GradCheck.
        double lol = Lol();
        await log.WriteLineAsync(Line($"numeric dL/da (h = 1e-5) = {lol}")).ConfigureAwait(false);
        var check = GradCheck.Run(x => BuildL(x[0], x[1], x[2], x[3]).L, [2.0, -3.0, 10.0, -2.0]);
        foreach (var entry in check.Entries)
        {
            await log.WriteLineAsync(Line($"  GradCheck {entry.Label}: analytic {entry.Analytic}, numeric {entry.Numeric}")).ConfigureAwait(false);
        }

        // 5. One step of "training": move every leaf by 0.01 * grad and recompute.
        var (a, b, c, f) = leaves;
        foreach (var leaf in new[] { a, b, c, f })
        {
            leaf.Data += 0.01 * leaf.Grad;
        }

        double nudged = BuildL(a.Data, b.Data, c.Data, f.Data).L.Data;
        await log.WriteLineAsync(Line($"after nudging the leaves by 0.01 * grad: L = {nudged.ToString("0.######", Invariant)}")).ConfigureAwait(false);

        return new SeedResults(F(3.0), slope, slopes, lol, check.Entries[0].Numeric, nudged, manual, backward);
    }

    /// <summary>The seed's graph, labelled a, b, c, e, d, f, L.</summary>
    public static ((Value A, Value B, Value C, Value F) Leaves, Value L) BuildL(double a, double b, double c, double f) =>
        BuildL(new Value(a, "a"), new Value(b, "b"), new Value(c, "c"), new Value(f, "f"));

    private static ((Value A, Value B, Value C, Value F) Leaves, Value L) BuildL(Value a, Value b, Value c, Value f)
    {
        (a.Label, b.Label, c.Label, f.Label) = ("a", "b", "c", "f");
        var e = a * b;
        e.Label = "e";
        var d = e + c;
        d.Label = "d";
        var l = d * f;
        l.Label = "L";
        return ((a, b, c, f), l);
    }

    /// <summary>The seed's manual backpropagation: the chain rule, one node at a time.</summary>
    private static void SetGradientsByHand(Value l)
    {
        var (d, f) = (l.Inputs[0], l.Inputs[1]);
        var (e, c) = (d.Inputs[0], d.Inputs[1]);
        var (a, b) = (e.Inputs[0], e.Inputs[1]);
        l.Grad = 1.0;
        d.Grad = f.Data;          // dL/dd = f
        f.Grad = d.Data;          // dL/df = d
        c.Grad = d.Grad;          // a sum passes the gradient through
        e.Grad = d.Grad;
        a.Grad = b.Data * e.Grad; // dL/da = dL/de * de/da = dL/de * b
        b.Grad = a.Data * e.Grad;
    }

    private static double Lol()
    {
        const double h = 1e-5;
        double l1 = BuildL(2.0, -3.0, 10.0, -2.0).L.Data;
        double l2 = BuildL(2.0 + h, -3.0, 10.0, -2.0).L.Data;
        return (l2 - l1) / h;
    }

    private static string Line(FormattableString text) => text.ToString(Invariant);
}
