// micrograd's demo: train MLP(2, 16, 16, 1) on the two moons.
// Usage: dotnet run --project examples/Moons [-- --data PATH --init PATH | --seed N --steps N --out FOLDER]
using MicroGrad.Examples;

try
{
    var options = MoonsOptions.Parse(args);
    await MoonsDemo.RunAsync(options, Console.Out).ConfigureAwait(false);
    return 0;
}
catch (ArgumentException error)
{
    await Console.Error.WriteLineAsync($"moons: {error.Message}").ConfigureAwait(false);
    await Console.Error.WriteLineAsync(MoonsOptions.Usage).ConfigureAwait(false);
    return 2;
}
catch (IOException error)
{
    await Console.Error.WriteLineAsync($"moons: {error.Message}").ConfigureAwait(false);
    return 6;
}
