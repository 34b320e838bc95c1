using System.Text;
using System.Text.Json;
using MicroGrad.TestSupport;

namespace MicroGrad.Docs.Tests;

/// <summary>
/// The README's shell blocks, run in order on a fresh clone by a machine with the .NET SDK and no
/// Graphviz: the first command draws the seed, the tool installs from the packed artifacts, every
/// mgviz example runs. The test command is the one CI runs (.ci/run); a block whose first line is
/// <c># illustration…</c> says so to the reader and is not run.
/// </summary>
public sealed class ShellBlockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-docs-shell-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary folder is cleaned up with the machine.
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_a_fresh_clone_without_graphviz_the_readmes_shell_blocks_run_in_order()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "The README's shell blocks are POSIX shell (bash).");
        var blocks = MarkdownBlocks.All().Where(b => MarkdownBlocks.Documents.Contains(b.File) && b.Language is "sh" or "bash" or "shell").ToList();
        string testCommand = TestCommandOfCi();
        var byCi = blocks.Where(b => b.Lines.Count == 1 && b.Lines[0] == testCommand).ToList();
        var illustrations = blocks.Where(b => b.Lines.Count > 0 && b.Lines[0].StartsWith("# illustration", StringComparison.Ordinal)).ToList();
        var toRun = blocks.Except(byCi).Except(illustrations).ToList();
        Assert.NotEmpty(byCi);
        Assert.True(toRun.Count >= 3, $"only {toRun.Count} runnable shell blocks");

        var clone = await FreshClone.CreateAsync(_folder, Token);
        var environment = WithoutGraphviz();

        // 1. The first command, alone: it writes the seed, drawn by Graphviz in-process.
        var first = toRun[0];
        Assert.Single(first.Lines);
        Assert.StartsWith("dotnet run --project src/MicroGrad.Viz.Cli -- render ", first.Lines[0], StringComparison.Ordinal);
        var firstRun = await Shell.RunAsync("bash", ["-euo", "pipefail", "-c", first.Text], clone.Root, environment, Token);
        Assert.True(firstRun.ExitCode == 0, $"{first} failed ({firstRun.ExitCode}):\n{firstRun.Error}{firstRun.Output}");
        Assert.Contains("drawing with Graphviz 16.1.0 in-process", firstRun.Error, StringComparison.Ordinal);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(Snapshot.RepositoryRoot, "docs", "images", "inprocess", "seed.svg"), Token),
            await File.ReadAllBytesAsync(Path.Combine(clone.Root, "L.svg"), Token));

        // 2. The rest, in order, as one shell session (PATH set by one block holds for the next).
        var script = new StringBuilder();
        foreach (var block in toRun.Skip(1))
        {
            script.Append("echo '>>> ").Append(block.ToString()).Append("'\n").Append(block.Text);
        }

        var rest = await Shell.RunAsync("bash", ["-euo", "pipefail", "-c", script.ToString()], clone.Root, environment, Token);
        Assert.True(rest.ExitCode == 0, $"the README's shell blocks failed ({rest.ExitCode}):\n{Tail(rest.Output)}\n{Tail(rest.Error)}");

        string Output(string name) => Path.Combine(clone.Root, name);
        Assert.Matches(@"(?m)^\d+\.\d+\.\d+", rest.Output); // mgviz --version, from the installed tool
        Assert.True(File.Exists(Path.Combine(environment["HOME"]!, ".dotnet", "tools", "mgviz")), "mgviz was not installed as a global tool");
        foreach (string svg in new[] { "y.svg", "seed.svg", "seed-a3.svg", "n.svg" })
        {
            Assert.Contains("<svg", await File.ReadAllTextAsync(Output(svg), Token), StringComparison.Ordinal);
        }

        Assert.NotEqual(await File.ReadAllTextAsync(Output("seed.svg"), Token), await File.ReadAllTextAsync(Output("seed-a3.svg"), Token));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(Output("neuron.png"), Token))[..4]);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Output("graph.json"), Token));
        Assert.Equal("mgviz-graph", json.RootElement.GetProperty("format").GetString());

        TestContext.Current.SendDiagnosticMessage(
            $"docs: ran {toRun.Count} of {blocks.Count} shell blocks of the README and the guides on a fresh clone without Graphviz; " +
            $"{byCi.Count} {(byCi.Count == 1 ? "is" : "are")} the test command that CI runs (.ci/run); {illustrations.Count} marked as illustrations");
    }

    [Fact]
    public void Ci_runs_exactly_the_readmes_test_command()
    {
        string command = TestCommandOfCi();

        Assert.Contains(MarkdownBlocks.All(), b => b.File == "README.md" && b.Lines.Count == 1 && b.Lines[0] == command);
    }

    /// <summary>The one line of .ci/run that runs the tests, without its pipe into the log.</summary>
    private static string TestCommandOfCi()
    {
        var lines = File.ReadAllLines(Path.Combine(Snapshot.RepositoryRoot, ".ci", "run"))
            .Where(line => line.TrimStart().StartsWith("dotnet test ", StringComparison.Ordinal))
            .ToList();
        Assert.Single(lines);
        string line = lines[0].Trim();
        int pipe = line.IndexOf(" 2>&1 | tee ", StringComparison.Ordinal);
        return pipe > 0 ? line[..pipe] : line;
    }

    /// <summary>
    /// A new user's shell without Graphviz: PATH is one folder linking every program of this PATH but
    /// <c>dot</c> (the .NET SDK needs the usual tools, e.g. chmod for tool shims); a fresh HOME (the
    /// tool installs there); the machine's NuGet package folder (nothing is downloaded twice); no
    /// MSBuild variables inherited from the test run, and no MSBuild processes left behind.
    /// </summary>
    private Dictionary<string, string?> WithoutGraphviz()
    {
        string bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string program in Directory.EnumerateFiles(folder))
            {
                string link = Path.Combine(bin, Path.GetFileName(program));
                if (Path.GetFileName(program) != "dot" && !File.Exists(link) && !Directory.Exists(link))
                {
                    File.CreateSymbolicLink(link, program);
                }
            }
        }

        string home = Directory.CreateDirectory(Path.Combine(_folder, "home")).FullName;

        // The user's NuGet sources come along (a machine may reach nuget.org through a configured mirror).
        string userNuGet = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        if (File.Exists(userNuGet))
        {
            string copy = Directory.CreateDirectory(Path.Combine(home, ".nuget", "NuGet")).FullName;
            File.Copy(userNuGet, Path.Combine(copy, "NuGet.Config"));
        }

        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = bin,
            ["HOME"] = home,
            ["NUGET_PACKAGES"] = packages,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MGVIZ_DOT"] = null,
        };
        foreach (string name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) || name == "DOTNET_HOST_PATH")
            {
                environment[name] = null;
            }
        }

        // MSBuild's reusable nodes and the compiler server outlive the build holding our output pipes
        // (measured: the test then waited minutes for them to go idle). A user's shell does not care.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["UseSharedCompilation"] = "false";
        Assert.False(File.Exists(Path.Combine(bin, "dot")));
        return environment;
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];
}
