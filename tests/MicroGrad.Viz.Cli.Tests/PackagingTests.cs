using CliWrap;
using CliWrap.Buffered;
using MicroGrad.Viz.Tests.TestSupport;

namespace MicroGrad.Viz.Cli.Tests;

/// <summary>The mgviz tool package installs with <c>dotnet tool install</c> and runs.</summary>
public sealed class PackagingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-pack-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_tool_package_installs_and_reports_its_version()
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        string artifacts = Path.Combine(_folder, "artifacts");
        string tools = Path.Combine(_folder, "tools");
        string project = Path.Combine(Snapshot.RepositoryRoot, "src", "MicroGrad.Viz.Cli", "MicroGrad.Viz.Cli.csproj");
        string config = Path.Combine(_folder, "nuget.config");
        // Only the freshly packed folder: never a same-named package from a remote feed.
        await File.WriteAllTextAsync(
            config,
            $"<configuration><packageSources><clear /><add key=\"local\" value=\"{artifacts}\" /></packageSources></configuration>",
            TestContext.Current.CancellationToken);

        var pack = await Run(dotnet, ["pack", project, "-c", "Release", "-o", artifacts, "--nologo"]);
        Assert.True(pack.ExitCode == 0, pack.StandardOutput + pack.StandardError);
        Assert.Contains(Directory.GetFiles(artifacts), f => Path.GetFileName(f).StartsWith("mgviz.", StringComparison.Ordinal) && f.EndsWith(".nupkg", StringComparison.Ordinal));

        var install = await Run(dotnet, ["tool", "install", "--tool-path", tools, "--configfile", config, "mgviz"]);
        Assert.True(install.ExitCode == 0, install.StandardOutput + install.StandardError);

        var version = await Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "mgviz.exe" : "mgviz"), ["--version"]);
        Assert.Equal(0, version.ExitCode);
        Assert.Equal(MgvizCommandLine.Version, version.StandardOutput.Trim());
    }

    private static Task<BufferedCommandResult> Run(string executable, string[] arguments) =>
        CliWrap.Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(TestContext.Current.CancellationToken)
            .Task;
}
