using System.Globalization;
using System.Text;
using System.Text.Json;
using MicroGrad.Nn;
using MicroGrad.Viz;

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

        var sgd = new Sgd(model, 1.0);
        var lines = new List<string>();
        var losses = new List<double>();
        var accuracies = new List<double>();
        for (int k = 0; k < options.Steps; k++)
        {
            var (total, accuracy) = Loss(model, points, labels);
            model.ZeroGrad();
            total.Backward();
            sgd.LearningRate = 1.0 - (0.9 * k / 100);
            sgd.Step();

            string line = string.Create(Invariant, $"step {k} loss {total.Data:R}, accuracy {accuracy * 100:0.##}%");
            lines.Add(line);
            losses.Add(total.Data);
            accuracies.Add(accuracy);
            await log.WriteLineAsync(line).ConfigureAwait(false);
        }

        var output = new ExampleOutput(options.OutputFolder, log);
        string boundary = DecisionBoundary(model, points, labels, output.PathOf("decision-boundary.svg"), out var boundaryCsv);
        await File.WriteAllTextAsync(output.PathOf("decision-boundary.csv"), boundaryCsv).ConfigureAwait(false);
        await log.WriteLineAsync($"  decision boundary: {boundary} (data: {output.PathOf("decision-boundary.csv")})").ConfigureAwait(false);
        string curve = TrainingCurve(losses, accuracies, output.PathOf("training.svg"));
        await log.WriteLineAsync($"  loss and accuracy: {curve}").ConfigureAwait(false);

        // One forward pass of the trained model on one point, with the L2 term, and a whole training
        // step: the large graphs. Drawn with the views the renderer picks for their size.
        var score = model.Forward([new Value(points[0][0], "x0"), new Value(points[0][1], "x1")])[0];
        var pointLoss = (1 + (-labels[0] * score)).Relu() + (1e-4 * Value.Sum(model.Parameters().Select(p => p * p)));
        pointLoss.Label = "loss";
        pointLoss.Backward();
        var values = pointLoss.TopologicalOrder();
        int edges = values.Sum(v => v.Inputs.Count);
        await log.WriteLineAsync($"  one forward pass on one point: {values.Count} values, {edges} edges").ConfigureAwait(false);
        await DrawLargeAsync(pointLoss, output, "one-point", log).ConfigureAwait(false);

        var (stepLoss, _) = Loss(model, points, labels);
        stepLoss.Label = "loss";
        stepLoss.Backward();
        await log.WriteLineAsync($"  one training step: {stepLoss.TopologicalOrder().Count} values").ConfigureAwait(false);
        await DrawLargeAsync(stepLoss, output, "training-step", log).ConfigureAwait(false);

        return new MoonsResults(lines, losses, accuracies, boundaryCsv, values.Count, edges);
    }

    /// <summary>Writes the DOT of a large graph (node-for-node and with the automatic views) and times Graphviz on the latter.</summary>
    private static async Task DrawLargeAsync(Value root, ExampleOutput output, string name, TextWriter log)
    {
        var plain = new DrawingOptions { FoldConstants = false, CollapseChains = false, CollapseTerms = false, Modules = ModuleView.None };
        await root.SaveDrawingAsync(output.PathOf(name + "-plain.dot"), plain).ConfigureAwait(false);
        var graph = ValueGraphWriter.ToDotGraph(root);
        await root.SaveDrawingAsync(output.PathOf(name + ".dot")).ConfigureAwait(false);
        await log.WriteLineAsync($"    node for node: {ValueGraphWriter.ToDotGraph(root, plain).NodeCount} nodes ({name}-plain.dot); default views: {graph.NodeCount} nodes ({name}.dot)").ConfigureAwait(false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var svg = await root.SaveDrawingAsync(output.PathOf(name + ".svg")).ConfigureAwait(false);
        string which = svg.Renderer == Renderer.InProcess ? "Graphviz in-process" : "Graphviz";
        await log.WriteLineAsync(string.Create(Invariant, $"    {which} drew {name}.svg in {clock.Elapsed.TotalSeconds:0.00} s")).ConfigureAwait(false);
    }

    /// <summary>SVM max-margin loss averaged over the batch, plus 1e-4 · Σ p², and the accuracy.</summary>
    public static (Value Total, double Accuracy) Loss(Mlp model, double[][] points, double[] labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        var losses = new Value[points.Length];
        int correct = 0;
        for (int i = 0; i < points.Length; i++)
        {
            var score = model.Forward([new Value(points[i][0]), new Value(points[i][1])])[0];
            losses[i] = (1 + (-labels[i] * score)).Relu();
            correct += (labels[i] > 0) == (score.Data > 0) ? 1 : 0;
        }

        var dataLoss = Value.Sum(losses) * (1.0 / losses.Length);
        var regLoss = 1e-4 * Value.Sum(model.Parameters().Select(p => p * p));
        return (dataLoss + regLoss, (double)correct / points.Length);
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

    /// <summary>The demo's contour plot: the model's class over a 0.25 grid, with the points on top.</summary>
    private static string DecisionBoundary(Mlp model, double[][] points, double[] labels, string path, out string csv)
    {
        const double h = 0.25;
        double xMin = points.Min(p => p[0]) - 1, xMax = points.Max(p => p[0]) + 1;
        double yMin = points.Min(p => p[1]) - 1, yMax = points.Max(p => p[1]) + 1;
        var plot = new ScottPlot.Plot();
        var data = new StringBuilder("x,y,class\n");
        for (int i = 0; xMin + (i * h) < xMax; i++)
        {
            for (int j = 0; yMin + (j * h) < yMax; j++)
            {
                double x = xMin + (i * h), y = yMin + (j * h);
                bool positive = model.Forward(x, y)[0].Data > 0;
                data.Append(string.Create(Invariant, $"{x:R},{y:R},{(positive ? 1 : -1)}\n"));
                var cell = plot.Add.Rectangle(x, x + h, y, y + h);
                cell.FillColor = positive ? ScottPlot.Color.FromHex("#f4c7c3") : ScottPlot.Color.FromHex("#c6dbef");
                cell.LineWidth = 0;
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

        plot.Title("Decision boundary of MLP(2, 16, 16, 1)");
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.SaveSvg(path, 640, 480);
        csv = data.ToString();
        return path;
    }

    private static string TrainingCurve(List<double> losses, List<double> accuracies, string path)
    {
        double[] steps = [.. Enumerable.Range(0, losses.Count).Select(i => (double)i)];
        var plot = new ScottPlot.Plot();
        double[] lossValues = [.. losses];
        double[] accuracyValues = [.. accuracies];
        var loss = plot.Add.ScatterLine(steps, lossValues);
        loss.LegendText = "loss";
        var accuracy = plot.Add.ScatterLine(steps, accuracyValues);
        accuracy.LegendText = "accuracy";
        plot.ShowLegend();
        plot.XLabel("step");
        plot.Title("Training on the moons");
        plot.SaveSvg(path, 640, 400);
        return path;
    }
}
