using System.CommandLine;
using System.Globalization;
using MicroGrad.Viz.Cli.Expressions;

namespace MicroGrad.Viz.Cli.Commands;

/// <summary><c>mgviz gradcheck</c>: compare every input's analytic gradient with a central difference.</summary>
internal sealed class GradCheckCommand
{
    private readonly ProgramOptions _program = new();
    private readonly Option<double?> _tolerance = new("--tolerance") { Description = "Largest acceptable |analytic - numeric| / max(1, |analytic|, |numeric|) (default 1e-6).", HelpName = "X" };
    private readonly Option<double?> _step = new("--step") { Description = "Finite-difference step h (default 1e-5).", HelpName = "H" };

    public GradCheckCommand()
    {
        Command = new Command("gradcheck", "Check every input's gradient against a central finite difference; exit 1 when one is off.");
        _program.AddTo(Command);
        Command.Add(_tolerance);
        Command.Add(_step);
    }

    public Command Command { get; }

    public GradCheckSettings Bind(ParseResult result)
    {
        double tolerance = result.GetValue(_tolerance) ?? 1e-6;
        double step = result.GetValue(_step) ?? GradCheck.DefaultStep;
        if (!(tolerance >= 0) || !double.IsFinite(tolerance))
        {
            throw new UsageException("--tolerance must be a non-negative number");
        }

        if (!(step > 0) || !double.IsFinite(step))
        {
            throw new UsageException("--step must be a positive number");
        }

        return new GradCheckSettings(_program.Bind(result, backward: true), tolerance, step);
    }

    public static async Task<int> RunAsync(GradCheckSettings settings, ToolConsole console)
    {
        string source = settings.Program.Source.Read(console);
        var program = DeepStack.Run(() => ExpressionProgram.Create(source, settings.Program.Sets, settings.Program.Root));
        if (program.Inputs.Count == 0)
        {
            throw new UsageException("nothing to check: the program has no inputs (write NAME = NUMBER or use --set NAME=NUMBER)");
        }

        var names = program.Inputs.Select(i => i.Key).ToArray();
        var result = DeepStack.Run(() => GradCheck.Run(
            x =>
            {
                var leaves = new Dictionary<string, Value>(StringComparer.Ordinal);
                for (int i = 0; i < names.Length; i++)
                {
                    x[i].Label = names[i];
                    leaves[names[i]] = x[i];
                }

                return program.Build(leaves).Root;
            },
            [.. program.Inputs.Select(i => i.Value)],
            settings.Step));

        int width = Math.Max(5, names.Max(n => n.Length));
        var output = console.Out;
        await output.WriteLineAsync($"{"input".PadRight(width)}  {"analytic",-24}  {"numeric",-24}  error").ConfigureAwait(false);
        foreach (var entry in result.Entries)
        {
            await output.WriteLineAsync(
                $"{entry.Label!.PadRight(width)}  {Number(entry.Analytic),-24}  {Number(entry.Numeric),-24}  {Error(entry.Error)}").ConfigureAwait(false);
        }

        bool ok = result.IsWithin(settings.Tolerance);
        await output.WriteLineAsync(
            $"largest error {Error(result.MaxError)} (tolerance {Error(settings.Tolerance)}): {(ok ? "ok" : "FAILED")}").ConfigureAwait(false);
        return ok ? ExitCodes.Success : ExitCodes.GradientMismatch;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Error(double value) => value.ToString("0.###e+00", CultureInfo.InvariantCulture);
}

/// <summary>What <c>mgviz gradcheck</c> was asked to do.</summary>
internal sealed record GradCheckSettings(ProgramSettings Program, double Tolerance, double Step);
