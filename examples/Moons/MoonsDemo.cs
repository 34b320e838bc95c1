using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MicroGrad.Nn;
using MicroGrad.Viz;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Examples;

/// <summary>What the demo produced, for its test and the docs.</summary>
public sealed record MoonsResults(
    IReadOnlyList<string> StepLines,
    IReadOnlyList<double> Losses,
    IReadOnlyList<double> Accuracies,
    string BoundaryCsv,
    int GraphValues,
    int GraphEdges);

/// <summary>
/// micrograd's demo.ipynb: an SVM-style max-margin loss with L2 regularisation, full-batch SGD with
/// a decaying learning rate, 100 steps. The same data and initial weights give the same numbers.
/// </summary>
public static class MoonsDemo
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<MoonsResults> RunAsync(MoonsOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (points, labels) = LoadData(options.DataPath);
        Mlp model;
        if (options.InitPath is { } init)
        {
            model = new Mlp(2, 16, 16, 1);
            model.LoadParameters(LoadWeights(init));
        }
        else
        {
            model = new Mlp(new Random(options.Seed), 2, 16, 16, 1);
        }

        var initial = model.Parameters().Select(p => p.Data).ToArray();
        var clock = Stopwatch.StartNew();
        var recording = TimeSpan.Zero;
        var (losses, accuracies) = options.Tape ? TrainThroughTape(model, points, labels, options.Steps, out recording) : Train(model, points, labels, options.Steps);
        var elapsed = clock.Elapsed;
        var lines = new List<string>();
        for (int k = 0; k < losses.Count; k++)
        {
            string line = string.Create(Invariant, $"step {k} loss {losses[k]:R}, accuracy {accuracies[k] * 100:0.##}%");
            lines.Add(line);
            await log.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (options.Tape)
        {
            // The same steps eagerly, from the same weights: the other timing, and the same numbers.
            var eager = new Mlp(2, 16, 16, 1);
            eager.LoadParameters(initial);
            clock.Restart();
            var (eagerLosses, _) = Train(eager, points, labels, options.Steps);
            var eagerElapsed = clock.Elapsed;
            bool same = eagerLosses.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(losses.Select(BitConverter.DoubleToInt64Bits))
                && eager.Parameters().Select(p => BitConverter.DoubleToInt64Bits(p.Data)).SequenceEqual(model.Parameters().Select(p => BitConverter.DoubleToInt64Bits(p.Data)));
            await log.WriteLineAsync(string.Create(Invariant, $"trained {losses.Count} steps through a tape in {elapsed.TotalMilliseconds:0} ms: recording the graph {recording.TotalMilliseconds:0} ms, then {(elapsed - recording).TotalMilliseconds / losses.Count:0.000} ms a step")).ConfigureAwait(false);
            await log.WriteLineAsync(string.Create(Invariant, $"eagerly (the graph built every step) the same steps take {eagerElapsed.TotalMilliseconds:0} ms, {eagerElapsed.TotalMilliseconds / losses.Count:0.000} ms a step, and give {(same ? "the same losses and weights to the last bit" : "DIFFERENT numbers (a bug: please report it)")}")).ConfigureAwait(false);
        }
        else
        {
            await log.WriteLineAsync(string.Create(Invariant, $"trained {losses.Count} steps in {elapsed.TotalMilliseconds:0} ms, {elapsed.TotalMilliseconds / losses.Count:0.000} ms a step (--tape replays a recorded graph instead)")).ConfigureAwait(false);
        }

        var output = new ExampleOutput(options.OutputFolder, log);
        UseBundledFont();
        await log.WriteLineAsync($"writing to {output.Folder}:").ConfigureAwait(false);
        DecisionBoundary(model, points, labels, output.PathOf("decision-boundary.svg"), out var boundaryCsv);
        await File.WriteAllTextAsync(output.PathOf("decision-boundary.csv"), boundaryCsv).ConfigureAwait(false);
        await Wrote(log, output, "decision-boundary.svg", "the model's class over the plane, with the points").ConfigureAwait(false);
        await Wrote(log, output, "decision-boundary.csv", "the boundary picture's cells as runs: y, x from, x to, class").ConfigureAwait(false);
        TrainingCurve(losses, accuracies, output.PathOf("training.svg"));
        await Wrote(log, output, "training.svg", "loss and accuracy per step").ConfigureAwait(false);

        // One forward pass of the trained model on one point, with the L2 term, and a whole training
        // step: the large graphs. Drawn with the views the renderer picks for their size.
        var score = model.Forward([new Value(points[0][0], "x0"), new Value(points[0][1], "x1")])[0];
        var pointLoss = (1 + (-labels[0] * score)).Relu() + (1e-4 * Value.Sum(model.Parameters().Select(p => p * p)));
        pointLoss.Label = "loss";
        pointLoss.Backward();
        var values = pointLoss.TopologicalOrder();
        int edges = values.Sum(v => v.Inputs.Count);
        await log.WriteLineAsync($"  one forward pass on one point: {values.Count} values, {edges} edges").ConfigureAwait(false);
        await DrawLargeAsync(pointLoss, output, "one-point", nodeForNode: true, log).ConfigureAwait(false);

        var (stepLoss, _) = Loss(model, points, labels);
        stepLoss.Label = "loss";
        stepLoss.Backward();
        await log.WriteLineAsync($"  one training step: {stepLoss.TopologicalOrder().Count} values").ConfigureAwait(false);
        await DrawLargeAsync(stepLoss, output, "training-step", options.NodeForNode, log).ConfigureAwait(false);

        return new MoonsResults(lines, losses, accuracies, boundaryCsv, values.Count, edges);
    }

    /// <summary>Writes the DOT and SVG of a large graph with the automatic views, timing Graphviz, and optionally its node-for-node DOT.</summary>
    private static async Task DrawLargeAsync(Value root, ExampleOutput output, string name, bool nodeForNode, TextWriter log)
    {
        var plain = new DrawingOptions { FoldConstants = false, CollapseChains = false, CollapseTerms = false, Modules = ModuleView.None };
        int plainNodes = root.ToDotGraph(plain).NodeCount;
        if (nodeForNode)
        {
            await root.SaveDrawingAsync(output.PathOf(name + "-plain.dot"), plain).ConfigureAwait(false);
            await Wrote(log, output, name + "-plain.dot", $"node for node, {plainNodes} nodes (too many for a layout)").ConfigureAwait(false);
        }
        else
        {
            await log.WriteLineAsync($"    node for node it has {plainNodes} nodes (--node-for-node writes {name}-plain.dot)").ConfigureAwait(false);
        }

        var graph = root.ToDotGraph();
        await root.SaveDrawingAsync(output.PathOf(name + ".dot")).ConfigureAwait(false);
        await Wrote(log, output, name + ".dot", $"with the default views, {graph.NodeCount} nodes").ConfigureAwait(false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var svg = await root.SaveDrawingAsync(output.PathOf(name + ".svg")).ConfigureAwait(false);
        string which = svg.Renderer == GraphvizChoice.InProcess ? "Graphviz in-process" : "Graphviz";
        await Wrote(log, output, name + ".svg", string.Create(Invariant, $"drawn by {which} in {clock.Elapsed.TotalSeconds:0.00} s")).ConfigureAwait(false);
        await root.SaveDrawingAsync(output.PathOf(name + ".html")).ConfigureAwait(false);
        await Wrote(log, output, name + ".html", "the same drawing as a page that steps through the backward pass").ConfigureAwait(false);
    }

    /// <summary>Says which file was written, how big it is, and what it holds.</summary>
    private static Task Wrote(TextWriter log, ExampleOutput output, string name, string what)
    {
        long bytes = new FileInfo(output.PathOf(name)).Length;
        string size = bytes >= 1 << 20
            ? string.Create(Invariant, $"{bytes / (1024.0 * 1024.0):0.0} MB")
            : string.Create(Invariant, $"{Math.Max(1, (bytes + 512) / 1024)} KB");
        return log.WriteLineAsync($"  {name} ({size}): {what}");
    }

    /// <summary>
    /// The plots' text in Liberation Sans, the font the in-process Graphviz bundles: the native Skia
    /// that comes with it has no access to system fonts, and a plot without a font has no text.
    /// </summary>
    private static void UseBundledFont()
    {
        const string name = "Liberation Sans";
        string file = Path.Combine(AppContext.BaseDirectory, "fonts", "LiberationSans-Regular.ttf");
        ScottPlot.Fonts.AddFontFile(name, file, bold: false);
        ScottPlot.Fonts.AddFontFile(name, file, bold: true); // titles ask for bold; the regular face stands in
        ScottPlot.Fonts.Default = name;
    }

    /// <summary>SVM max-margin loss averaged over the batch, plus 1e-4 · Σ p², and the accuracy.</summary>
    public static (Value Total, double Accuracy) Loss(Mlp model, double[][] points, double[] labels)
    {
        var (total, scores) = LossAndScores(model, points, labels);
        return (total, Accuracy(scores, labels));
    }

    /// <summary>The loss graph and the model's score for each point (which the accuracy reads).</summary>
    public static (Value Total, Value[] Scores) LossAndScores(Mlp model, double[][] points, double[] labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        var losses = new Value[points.Length];
        var scores = new Value[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            scores[i] = model.Forward([new Value(points[i][0]), new Value(points[i][1])])[0];
            losses[i] = (1 + (-labels[i] * scores[i])).Relu();
        }

        var dataLoss = Value.Sum(losses) * (1.0 / losses.Length);
        var regLoss = 1e-4 * Value.Sum(model.Parameters().Select(p => p * p));
        return (dataLoss + regLoss, scores);
    }

    private static double Accuracy(Value[] scores, double[] labels) =>
        (double)scores.Zip(labels).Count(pair => (pair.Second > 0) == (pair.First.Data > 0)) / scores.Length;

    /// <summary>micrograd's training loop: build the loss graph, zero the gradients, backward, SGD with a decaying rate.</summary>
    private static (List<double> Losses, List<double> Accuracies) Train(Mlp model, double[][] points, double[] labels, int steps)
    {
        var sgd = new Sgd(model, 1.0);
        var losses = new List<double>();
        var accuracies = new List<double>();
        for (int k = 0; k < steps; k++)
        {
            var (total, accuracy) = Loss(model, points, labels);
            model.ZeroGrad();
            total.Backward();
            sgd.LearningRate = 1.0 - (0.9 * k / 100);
            sgd.Step();
            losses.Add(total.Data);
            accuracies.Add(accuracy);
        }

        return (losses, accuracies);
    }

    /// <summary>
    /// The same loop through a tape: the graph is built and recorded once, then every step replays it
    /// (forward, backward) on the updated weights. Full batch: the graph's shape never changes.
    /// </summary>
    private static (List<double> Losses, List<double> Accuracies) TrainThroughTape(Mlp model, double[][] points, double[] labels, int steps, out TimeSpan recording)
    {
        var clock = Stopwatch.StartNew();
        var (total, scores) = LossAndScores(model, points, labels);
        var tape = Tape.Record([total, .. scores]);
        recording = clock.Elapsed;
        var sgd = new Sgd(model, 1.0);
        var losses = new List<double>(steps);
        var accuracies = new List<double>(steps);
        for (int k = 0; k < steps; k++)
        {
            tape.Forward(); // sets total.Data and every score's Data
            sgd.ZeroGrad();
            tape.Backward();
            sgd.LearningRate = 1.0 - (0.9 * k / 100);
            sgd.Step();
            losses.Add(total.Data);
            accuracies.Add(Accuracy(scores, labels));
        }

        return (losses, accuracies);
    }

    private static (double[][] Points, double[] Labels) LoadData(string path)
    {
        var rows = File.ReadAllLines(path)
            .Skip(1)
            .Where(line => line.Trim().Length > 0)
            .Select((line, i) =>
            {
                var fields = line.Split(',');
                if (fields.Length != 3 || !fields.All(f => double.TryParse(f, NumberStyles.Float, Invariant, out _)))
                {
                    throw new ArgumentException($"{path}, line {i + 2}: expected x0,x1,label numbers");
                }

                return fields.Select(f => double.Parse(f, NumberStyles.Float, Invariant)).ToArray();
            })
            .ToArray();
        return ([.. rows.Select(r => new[] { r[0], r[1] })], [.. rows.Select(r => r[2])]);
    }

    private static double[] LoadWeights(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return [.. json.RootElement.GetProperty("parameters").EnumerateArray().Select(e => e.GetDouble())];
    }

    /// <summary>
    /// The demo's contour plot: the model's class over a grid of <see cref="BoundaryStep"/> cells, with
    /// the points on top. Each row's cells of one class are drawn as one rectangle, so a fine grid
    /// stays a small picture; the CSV lists exactly those rectangles.
    /// </summary>
    private static void DecisionBoundary(Mlp model, double[][] points, double[] labels, string path, out string csv)
    {
        const double h = BoundaryStep;
        double xMin = points.Min(p => p[0]) - 1, xMax = points.Max(p => p[0]) + 1;
        double yMin = points.Min(p => p[1]) - 1, yMax = points.Max(p => p[1]) + 1;
        int columns = (int)Math.Ceiling((xMax - xMin) / h), rows = (int)Math.Ceiling((yMax - yMin) / h);
        var plot = new ScottPlot.Plot();
        var data = new StringBuilder("y,x_from,x_to,class\n");
        for (int j = 0; j < rows; j++)
        {
            double y = yMin + (j * h);
            int start = 0;
            bool? runPositive = null;
            for (int i = 0; i <= columns; i++)
            {
                bool? positive = i < columns ? model.Forward(xMin + ((i + 0.5) * h), y + (h / 2))[0].Data > 0 : null;
                if (positive == runPositive)
                {
                    continue;
                }

                if (runPositive is bool run)
                {
                    double from = xMin + (start * h), to = xMin + (i * h);
                    data.Append(string.Create(Invariant, $"{y:R},{from:R},{to:R},{(run ? 1 : -1)}\n"));
                    // Half a cell taller than the row, under the next row: no hairline seams between rows.
                    var cell = plot.Add.Rectangle(from, to, y, y + (1.5 * h));
                    cell.FillColor = run ? ScottPlot.Color.FromHex("#f4c7c3") : ScottPlot.Color.FromHex("#c6dbef");
                    cell.LineWidth = 0;
                }

                (start, runPositive) = (i, positive);
            }
        }

        foreach (int label in new[] { -1, 1 })
        {
            var members = points.Where((_, i) => labels[i] == label).ToArray();
            double[] xs = [.. members.Select(p => p[0])];
            double[] ys = [.. members.Select(p => p[1])];
            var scatter = plot.Add.ScatterPoints(xs, ys);
            scatter.Color = ScottPlot.Color.FromHex(label > 0 ? "#b2182b" : "#2166ac");
            scatter.MarkerSize = 7;
            scatter.LegendText = label > 0 ? "label +1" : "label -1";
        }

        plot.ShowLegend(ScottPlot.Edge.Right);
        plot.Title("Decision boundary of MLP(2, 16, 16, 1)");
        plot.Axes.SetLimits(xMin, xMin + (columns * h), yMin, yMin + (rows * h));
        plot.SaveSvg(path, 720, 480);
        csv = data.ToString();
    }

    /// <summary>The side of a decision-boundary cell (micrograd's demo uses 0.25, which looks blocky).</summary>
    public const double BoundaryStep = 0.05;

    private static void TrainingCurve(List<double> losses, List<double> accuracies, string path)
    {
        double[] steps = [.. Enumerable.Range(0, losses.Count).Select(i => (double)i)];
        var plot = new ScottPlot.Plot();
        double[] lossValues = [.. losses];
        double[] accuracyValues = [.. accuracies];
        var loss = plot.Add.ScatterLine(steps, lossValues);
        loss.LegendText = "loss";
        var accuracy = plot.Add.ScatterLine(steps, accuracyValues);
        accuracy.LegendText = "accuracy";

        // Beside the data, not over it: both curves end at the right edge.
        plot.ShowLegend(ScottPlot.Edge.Right);
        plot.XLabel("step");
        plot.Title("Training on the moons");
        plot.SaveSvg(path, 720, 400);
    }
}
