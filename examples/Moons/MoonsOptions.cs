using System.Globalization;

namespace MicroGrad.Examples;

/// <summary>The demo's command line: <c>--data PATH --init PATH --seed N --steps N --out FOLDER --node-for-node --tape</c>.</summary>
public sealed record MoonsOptions
{
    public const string Usage = "usage: moons [--data PATH] [--init PATH | --seed N] [--steps N] [--out FOLDER] [--node-for-node] [--tape]";

    /// <summary>The data set; default micrograd's 100 moons points.</summary>
    public string DataPath { get; init; } = Path.Combine(AppContext.BaseDirectory, "data", "moons100.csv");

    /// <summary>Initial weights in micrograd's order; default micrograd's demo weights. Null means a seeded random start.</summary>
    public string? InitPath { get; init; } = Path.Combine(AppContext.BaseDirectory, "data", "mlp-2-16-16-1.init.json");

    /// <summary>The seed of the random start when <see cref="InitPath"/> is null.</summary>
    public int Seed { get; init; } = 1337;

    /// <summary>Training steps; default 100.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>Where pictures go; default out/moons.</summary>
    public string OutputFolder { get; init; } = Path.Combine("out", "moons");

    /// <summary>Also write the node-for-node DOT of a whole training step (about 13 MB); default off.</summary>
    public bool NodeForNode { get; init; }

    /// <summary>Train through a tape (record the step's graph once, replay it), then time the same steps eagerly; default off.</summary>
    public bool Tape { get; init; }

    public static MoonsOptions Parse(IReadOnlyList<string> args)
    {
        var options = new MoonsOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--data" => options with { DataPath = Value() },
                "--init" => options with { InitPath = Value() },
                "--seed" => options with { InitPath = null, Seed = Number(args[i], Value(), 0) },
                "--steps" => options with { Steps = Number(args[i], Value(), 1) },
                "--out" => options with { OutputFolder = Value() },
                "--node-for-node" => options with { NodeForNode = true },
                "--tape" => options with { Tape = true },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }

        return options;
    }

    private static int Number(string option, string text, int minimum) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum
            ? value
            : throw new ArgumentException($"{option} needs a whole number of at least {minimum}, got '{text}'");
}
