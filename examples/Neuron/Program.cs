// The lecture's neuron, with tanh and with tanh spelled out through exp. Usage: dotnet run --project examples/Neuron [-- OUTPUT_FOLDER]
using MicroGrad.Examples;

await LectureNeuron.RunAsync(Console.Out, args.Length > 0 ? args[0] : Path.Combine("out", "neuron")).ConfigureAwait(false);
