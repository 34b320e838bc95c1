using System.Text.RegularExpressions;
using System.Xml.Linq;
using MicroGrad.TestSupport;

namespace MicroGrad.Examples.Tests;

/// <summary>Each example runs and gives the reference numbers of the seed notebook, the lecture and micrograd's demo.ipynb.</summary>
public sealed class ExampleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-examples-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string DocsImage(string name) => Path.Combine(Snapshot.RepositoryRoot, "docs", "images", name);

    [Fact]
    public async Task The_seed_walkthrough_gives_the_notebooks_numbers()
    {
        using var log = new StringWriter();

        var results = await SeedWalkthrough.RunAsync(log, _folder);

        Assert.Equal(20.0, results.FOfThree);
        Assert.Equal(0.0, results.SlopeAtTwoThirds, 1e-5);
        Assert.Equal(-3.0, results.NudgedSlopes[0], 1e-8);
        Assert.Equal(2.0, results.NudgedSlopes[1], 1e-8);
        Assert.Equal(1.0, results.NudgedSlopes[2], 1e-8);
        Assert.Equal(6.000000000128124, results.Lol);
        Assert.Equal(6.0, results.GradCheckA, 1e-8);
        Assert.Equal(-7.286496, results.NudgedL, 12);
        Assert.Equal(results.DotManual, results.DotBackward);
        Assert.Equal(await File.ReadAllTextAsync(DocsImage("seed.dot"), TestContext.Current.CancellationToken), results.DotBackward);
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(_folder, "f.svg"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("the hand-set and backward drawings are identical: True", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("after nudging the leaves by 0.01 * grad: L = -7.286496", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lecture_neuron_gives_the_same_gradients_both_ways()
    {
        using var log = new StringWriter();

        var results = await LectureNeuron.RunAsync(log, _folder);

        Assert.Equal(0.7071067811865476, results.Output, 15);
        Assert.Equal(0.7071067811865476, results.OutputViaExp, 15);
        double[] expected = [-1.5, 0.5, 1.0, 0.0, 0.5]; // x1, x2, w1, w2, b
        Assert.Equal(["x1", "x2", "w1", "w2", "b"], results.Gradients.Select(g => g.Name));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], results.Gradients[i].Tanh, 12);
            Assert.Equal(expected[i], results.Gradients[i].Exp, 12);
        }

        Assert.Equal(await File.ReadAllTextAsync(DocsImage("neuron.dot"), TestContext.Current.CancellationToken), results.Dot);
        Assert.True(File.Exists(Path.Combine(_folder, "neuron-exp.dot")));
    }

    [Fact]
    public async Task The_moons_demo_starts_with_micrograds_first_line()
    {
        using var log = new StringWriter();

        var results = await MoonsDemo.RunAsync(new MoonsOptions { Steps = 3, OutputFolder = _folder }, log);

        // micrograd's demo.ipynb, first line: "step 0 loss 0.8958441028683222, accuracy 50.0%".
        Assert.Equal("step 0 loss 0.8958441028683222, accuracy 50%", results.StepLines[0]);
        Assert.Equal(3, results.StepLines.Count);
        Assert.True(File.Exists(Path.Combine(_folder, "decision-boundary.svg")));
        Assert.True(File.Exists(Path.Combine(_folder, "training.svg")));
        Assert.True(File.Exists(Path.Combine(_folder, "one-point.dot")));

        // Every file it writes is named with its size; the 13 MB node-for-node DOT only on request.
        string said = log.ToString();
        foreach (string file in Directory.GetFiles(_folder).Select(f => Path.GetFileName(f)))
        {
            Assert.Matches($@"\n  {Regex.Escape(file)} \(\d+(\.\d)? [KM]B\): ", said);
        }

        Assert.False(File.Exists(Path.Combine(_folder, "training-step-plain.dot")));
        Assert.Contains("node for node it has 130889 nodes (--node-for-node writes training-step-plain.dot)", said, StringComparison.Ordinal);
        Assert.True(MoonsOptions.Parse(["--node-for-node"]).NodeForNode);
    }

    [Fact]
    public async Task The_moons_plots_have_their_text_and_legends_beside_the_data()
    {
        using var log = new StringWriter();

        await MoonsDemo.RunAsync(new MoonsOptions { Steps = 3, OutputFolder = _folder }, log);

        var training = XDocument.Load(Path.Combine(_folder, "training.svg"));
        var boundary = XDocument.Load(Path.Combine(_folder, "decision-boundary.svg"));
        Assert.Superset(new HashSet<string> { "Training on the moons", "step", "loss", "accuracy" }, Texts(training));
        Assert.Superset(new HashSet<string> { "Decision boundary of MLP(2, 16, 16, 1)", "label -1", "label +1" }, Texts(boundary));
        Assert.False(Overlap(DataArea(training), LegendArea(training, "loss")), "the training plot's legend covers its data");
        Assert.False(Overlap(DataArea(boundary), LegendArea(boundary, "label -1")), "the boundary plot's legend covers its data");
    }

    private static XName Svg(string name) => XName.Get(name, "http://www.w3.org/2000/svg");

    private static HashSet<string> Texts(XDocument svg) => [.. svg.Descendants(Svg("text")).Select(t => t.Value.Trim())];

    /// <summary>ScottPlot clips the plotted data to the first clip rectangle, the legend's entries to one of their own.</summary>
    private static (double X, double Y, double Width, double Height) DataArea(XDocument svg) =>
        Rect(svg.Descendants(Svg("clipPath")).First().Element(Svg("rect"))!);

    private static (double X, double Y, double Width, double Height) LegendArea(XDocument svg, string entry)
    {
        var group = svg.Descendants(Svg("g")).Single(g => g.Elements(Svg("text")).Any(t => t.Value.Trim() == entry));
        string id = group.Attribute("clip-path")!.Value["url(#".Length..^1];
        return Rect(svg.Descendants(Svg("clipPath")).Single(c => c.Attribute("id")?.Value == id).Element(Svg("rect"))!);
    }

    private static (double X, double Y, double Width, double Height) Rect(XElement rect)
    {
        double Number(string name) => double.Parse(rect.Attribute(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        return (Number("x"), Number("y"), Number("width"), Number("height"));
    }

    private static bool Overlap((double X, double Y, double Width, double Height) a, (double X, double Y, double Width, double Height) b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    [Fact]
    public async Task The_moons_demo_learns_the_moons_and_its_boundary_matches_the_docs()
    {
        using var log = new StringWriter();

        var results = await MoonsDemo.RunAsync(new MoonsOptions { OutputFolder = _folder }, log);

        Assert.Equal(100, results.Losses.Count);
        Assert.Equal(1.0, results.Accuracies[^1]);
        Assert.True(results.Losses[^1] < results.Losses[0] / 10);
        // Forward pass on one point with the L2 term: micrograd's graph has 1,666 values (its sums start
        // from an extra constant 0; ours start from the first term).
        Assert.InRange(results.GraphValues, 1600, 1666);

        string committed = DocsImage("decision-boundary.csv");
        if (!Snapshot.IsCi && Environment.GetEnvironmentVariable("MGVIZ_UPDATE_DOCS") == "1")
        {
            File.Copy(Path.Combine(_folder, "decision-boundary.csv"), committed, overwrite: true);
            File.Copy(Path.Combine(_folder, "decision-boundary.svg"), DocsImage("decision-boundary.svg"), overwrite: true);
        }

        Assert.True(
            results.BoundaryCsv == await File.ReadAllTextAsync(committed, TestContext.Current.CancellationToken),
            "docs/images/decision-boundary.csv is stale: run tools/update-docs-images.sh");

        // A fine grid (micrograd's 0.25 looked blocky): rows 0.05 apart, each row's runs tiling it.
        var rows = results.BoundaryCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',').Select(f => double.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .GroupBy(r => r[0]).OrderBy(g => g.Key).ToList();
        Assert.True(rows.Count >= 60, $"{rows.Count} rows");
        for (int i = 1; i < rows.Count; i++)
        {
            Assert.Equal(0.05, rows[i].Key - rows[i - 1].Key, 1e-9);
            var runs = rows[i].ToList();
            Assert.Equal(rows[0].First()[1], runs[0][1]);
            for (int k = 1; k < runs.Count; k++)
            {
                Assert.Equal(runs[k - 1][2], runs[k][1]);
                Assert.NotEqual(runs[k - 1][3], runs[k][3]);
            }
        }
    }

    [Fact]
    public async Task Through_a_tape_the_demo_trains_to_the_same_boundary_and_times_both_ways()
    {
        using var log = new StringWriter();

        var results = await MoonsDemo.RunAsync(MoonsOptions.Parse(["--tape", "--out", _folder]), log);

        // The boundary the eager engine trained to (committed in docs/images), from the same steps replayed.
        Assert.Equal("step 0 loss 0.8958441028683222, accuracy 50%", results.StepLines[0]);
        Assert.Equal(1.0, results.Accuracies[^1]);
        Assert.True(
            results.BoundaryCsv == await File.ReadAllTextAsync(DocsImage("decision-boundary.csv"), TestContext.Current.CancellationToken),
            "the tape trained to another decision boundary than the engine's (docs/images/decision-boundary.csv)");
        string said = log.ToString();
        Assert.Matches(@"\ntrained 100 steps through a tape in \d+ ms: recording the graph \d+ ms, then \d+\.\d{3} ms a step\n", said);
        Assert.Matches(@"\neagerly \(the graph built every step\) the same steps take \d+ ms, \d+\.\d{3} ms a step, and give the same losses and weights to the last bit\n", said);
    }

    [Fact]
    public async Task A_seeded_random_start_is_repeatable_and_differs_from_micrograds_weights()
    {
        using var log = new StringWriter();
        var options = MoonsOptions.Parse(["--seed", "7", "--steps", "2", "--out", _folder]);

        var first = await MoonsDemo.RunAsync(options, log);
        var second = await MoonsDemo.RunAsync(options, log);

        Assert.Null(options.InitPath);
        Assert.Equal(first.Losses, second.Losses);
        Assert.NotEqual(0.8958441028683222, first.Losses[0]);
    }

    [Theory]
    [InlineData(new[] { "--steps", "0" }, "--steps needs a whole number of at least 1, got '0'")]
    [InlineData(new[] { "--steps" }, "--steps needs a value")]
    [InlineData(new[] { "--frobnicate" }, "unknown argument '--frobnicate'")]
    public void Bad_moons_arguments_are_explained(string[] args, string message)
    {
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => MoonsOptions.Parse(args)).Message);
    }
}
