// Quick report:   dotnet run -c Release --project tools/MicroGrad.Benchmarks -- report  (report demo: the training-step lines only)
// Full benchmarks: dotnet run -c Release --project tools/MicroGrad.Benchmarks -- --filter '*'
using BenchmarkDotNet.Running;
using MicroGrad.Benchmarks;

if (args is ["report", ..])
{
    return Report.Run(Console.Out, demoOnly: args is [_, "demo"]);
}

BenchmarkSwitcher.FromAssembly(typeof(Report).Assembly).Run(args);
return 0;
