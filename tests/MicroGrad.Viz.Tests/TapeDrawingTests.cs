using MicroGrad.Nn;
using MicroGrad.Viz.Drawing;

namespace MicroGrad.Viz.Tests;

/// <summary>A tape draws as the graph it replays: the same DOT as building that graph again from the same leaves.</summary>
public class TapeDrawingTests
{
    private static (Value Loss, Value[] Inputs) OnePoint(Mlp model)
    {
        var inputs = new[] { new Value(0.5, "x0"), new Value(-1.0, "x1") };
        var loss = (model.Forward(inputs)[0] - 1).Pow(2);
        loss.Label = "loss";
        return (loss, inputs);
    }

    [Fact]
    public void After_training_steps_a_tape_draws_what_the_engine_would_build_in_every_view()
    {
        var model = new Mlp(2, 3, 1);
        var (loss, inputs) = OnePoint(model);
        var tape = Tape.Record(loss);
        var sgd = new Sgd(model, 0.1);
        for (int step = 0; step < 3; step++)
        {
            tape.Forward();
            sgd.ZeroGrad();
            tape.Backward();
            sgd.Step();
        }

        tape.Forward();
        sgd.ZeroGrad();
        Array.ForEach(inputs, x => x.Grad = 0); // inputs' gradients add up over replays like any leaf's
        tape.Backward();
        string tapeDot = tape.ToDot();

        // The engine: the same model and inputs after three steps, built again and back-propagated.
        var eager = (model.Forward(inputs)[0] - 1).Pow(2);
        eager.Label = "loss";
        sgd.ZeroGrad();
        Array.ForEach(inputs, x => x.Grad = 0);
        eager.Backward();

        Assert.Equal(eager.ToDot(), tapeDot);
        foreach (var options in new DrawingOptions[] { new() { CollapseChains = true, CollapseTerms = true }, new() { Modules = ModuleView.Clusters }, new() { Modules = ModuleView.Collapsed } })
        {
            Assert.Equal(eager.ToDot(options), tape.ToDot(options));
        }
    }

    [Fact]
    public async Task A_tape_renders_and_saves_like_a_value()
    {
        var model = new Mlp(2, 2, 1);
        var (loss, _) = OnePoint(model);
        var tape = Tape.Record(loss);
        tape.Forward();
        tape.Backward();
        string folder = Directory.CreateTempSubdirectory("mgviz-tape-").FullName;

        var json = await tape.RenderAsync(OutputFormat.Json, cancellationToken: TestContext.Current.CancellationToken);
        var saved = await tape.SaveDrawingAsync(Path.Combine(folder, "tape.dot"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(tape.ToDot(), await File.ReadAllTextAsync(saved.OutputPath!, TestContext.Current.CancellationToken));
        Assert.Contains("\"loss\"", System.Text.Encoding.UTF8.GetString(json.Output.Span), StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => ((Tape)null!).ToDot());
    }
}
