// The seed notebook's walk-through of micrograd, in C#. Usage: dotnet run --project examples/Seed [-- OUTPUT_FOLDER]
using MicroGrad.Examples;

await SeedWalkthrough.RunAsync(Console.Out, args.Length > 0 ? args[0] : Path.Combine("out", "seed")).ConfigureAwait(false);
