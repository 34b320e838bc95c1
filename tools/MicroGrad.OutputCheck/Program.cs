// Writes a fixed set of drawings into a folder: the seed, the lecture neuron, every operation, a one-point
// MLP in each of its views, a 300-term sum and a tape, as DOT, JSON, in-process SVG and the page. Run it
// before and after a change that must not change output (tools/output-check.sh does both) and compare.
using System.Globalization;
using MicroGrad;
using MicroGrad.Nn;
using MicroGrad.Viz;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Graphviz;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: MicroGrad.OutputCheck FOLDER");
    return 2;
}

string folder = Directory.CreateDirectory(args[0]).FullName;
var inProcess = new RenderOptions { Renderer = GraphvizChoice.InProcess, MaxNodes = 100_000 };
int written = 0;

foreach (var (name, build, focus) in Graphs())
{
    foreach (var (view, drawing) in Views(focus))
    {
        var root = build();
        string stem = Path.Combine(folder, $"{name}.{view}");
        await File.WriteAllTextAsync($"{stem}.dot", root.ToDot(drawing));
        await File.WriteAllBytesAsync($"{stem}.svg", (await root.RenderAsync(OutputFormat.Svg, drawing, inProcess)).Output.ToArray());
        await File.WriteAllBytesAsync($"{stem}.html", (await root.RenderAsync(OutputFormat.Html, drawing, inProcess)).Output.ToArray());
        written += 3;
    }

    await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}.json"), (await build().RenderAsync(OutputFormat.Json)).Output.ToArray());
    written++;
}

var (tape, loss) = TapeOfMlp();
await File.WriteAllTextAsync(Path.Combine(folder, "tape.dot"), tape.ToDot());
await File.WriteAllBytesAsync(Path.Combine(folder, "tape.svg"), (await tape.RenderAsync(OutputFormat.Svg, null, inProcess)).Output.ToArray());
GC.KeepAlive(loss);
written += 2;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{written} files in {folder}"));
return 0;

static IEnumerable<(string Name, Func<Value> Build, string Focus)> Graphs()
{
    yield return ("seed", () =>
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = new Value(10.0, "c");
        var e = a * b;
        e.Label = "e";
        var d = e + c;
        d.Label = "d";
        var f = new Value(-2.0, "f");
        var l = d * f;
        l.Label = "L";
        l.Backward();
        return l;
    }, "e");
    yield return ("neuron", () =>
    {
        var n = (new Value(2.0, "x1") * new Value(-3.0, "w1")) + (new Value(0.0, "x2") * new Value(1.0, "w2")) + new Value(6.8813735870195432, "b");
        n.Label = "n";
        var o = n.Tanh();
        o.Label = "o";
        o.Backward();
        return o;
    }, "n");
    yield return ("operations", () =>
    {
        var x = new Value(0.7, "x");
        var y = new Value(-1.3, "y");
        var parts = new[]
        {
            x + y, x - y, x * y, x / y, -x, x.Pow(3), x.Pow(y), x.Exp(), x.Log(), y.Tanh(), y.Relu(), x.Relu(),
            x.Sigmoid(), Value.Sum([x, y, x * 2]), x + 2, 3 * y, 1 / x,
        };
        var total = Value.Sum(parts);
        total.Label = "total";
        total.Backward();
        return total;
    }, "x");
    yield return ("mlp", () =>
    {
        var mlp = new Mlp(new Random(1337), 2, 3, 1);
        var loss = (mlp.Forward([new Value(0.5, "x0"), new Value(-1.0, "x1")])[0] - 1).Pow(2);
        loss.Label = "loss";
        loss.Backward();
        return loss;
    }, "x0");
    yield return ("sum300", () =>
    {
        var sum = Enumerable.Range(0, 300).Select(i => new Value(i, "a" + i) * new Value(1, "b" + i)).Aggregate((p, q) => p + q);
        sum.Label = "L";
        sum.Backward();
        return sum;
    }, "a7");
}

static IEnumerable<(string Name, DrawingOptions Drawing)> Views(string focus)
{
    yield return ("default", DrawingOptions.Default);
    yield return ("plain", DrawingOptions.Default with { FoldConstants = false, CollapseChains = false, CollapseTerms = false, GroupFanIn = false, Modules = ModuleView.None });
    yield return ("folded", DrawingOptions.Default with { FoldConstants = true, CollapseChains = true, CollapseTerms = true });
    yield return ("clusters", DrawingOptions.Default with { Modules = ModuleView.Clusters });
    yield return ("collapsed", DrawingOptions.Default with { Modules = ModuleView.Collapsed });
    yield return ("neurons", DrawingOptions.Default with { Modules = ModuleView.Collapsed, ModuleDepth = 2 });
    yield return ("styled", DrawingOptions.Default with { ColorByGradient = true, Title = "A \"title\" <b>", Direction = RankDirection.TopToBottom, Precision = 2, Tooltips = true });
    yield return ("focus", DrawingOptions.Default with { Focus = focus, FocusDepth = 2 });
    yield return ("exact", DrawingOptions.Default with { RoundTrip = true, Fields = ValueFields.Data, GroupFanIn = true, FanInThreshold = 2 });
}

static (Tape Tape, Value Loss) TapeOfMlp()
{
    var mlp = new Mlp(new Random(7), 3, 4, 4, 1);
    var loss = (mlp.Forward([new Value(1.0, "x0"), new Value(-2.0, "x1"), new Value(0.5, "x2")])[0] - 1).Pow(2);
    var tape = Tape.Record(loss);
    tape.Forward();
    tape.Backward();
    return (tape, loss);
}
