using CliWrap;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Tests.TestSupport;

namespace MicroGrad.Viz.Tests;

/// <summary>The same graph gives byte-identical DOT in separate processes, whatever their culture.</summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fa-IR")]
    [InlineData("tr-TR")]
    public async Task Separate_processes_write_identical_bytes(string culture)
    {
        using var expected = new MemoryStream();
        DotWriter.Write((DotProbe.Graph()).ToDotGraph(DotProbe.Options), expected);

        byte[] first = await RunProbeAsync(culture);
        byte[] second = await RunProbeAsync("");

        Assert.Equal(expected.ToArray(), first);
        Assert.Equal(first, second);
    }

    private static async Task<byte[]> RunProbeAsync(string culture)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        using var output = new MemoryStream();
        var result = await Cli.Wrap(dotnet)
            .WithArguments([typeof(DotProbe).Assembly.Location])
            .WithEnvironmentVariables(env => env.Set(DotProbe.Variable, culture))
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .WithValidation(CommandResultValidation.ZeroExitCode)
            .ExecuteAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, result.ExitCode);
        return output.ToArray();
    }
}
