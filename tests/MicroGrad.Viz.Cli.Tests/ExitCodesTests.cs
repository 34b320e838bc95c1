using System.Text.RegularExpressions;
using MicroGrad.TestSupport;

namespace MicroGrad.Viz.Cli.Tests;

/// <summary>The exit codes: their numbers are a contract, and help and the mgviz reference (docs/mgviz.md) print the same table.</summary>
public partial class ExitCodesTests
{
    [Fact]
    public void Exit_codes_keep_their_documented_numbers()
    {
        // Scripts depend on these numbers: 130 is the shells' 128 + SIGINT, 70 is sysexits' EX_SOFTWARE.
        Assert.Equal(
            [(0, "Success"), (1, "GradientMismatch"), (2, "UsageError"), (3, "GraphvizNotFound"), (4, "RenderFailed"), (5, "TimedOut"), (6, "FileError"), (7, "GraphTooLarge"), (70, "InternalError"), (130, "Interrupted")],
            typeof(ExitCodes).GetFields().Where(f => f.IsLiteral).Select(f => ((int)f.GetValue(null)!, f.Name)));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 70, 130], ExitCodes.All.Select(e => e.Code));
    }

    [Fact]
    public void The_reference_table_is_the_table_mgviz_prints()
    {
        string readme = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot, "docs", "mgviz.md"));
        int start = readme.IndexOf("| exit code | meaning |", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/mgviz.md has no exit code table");
        var rows = readme[start..].Split('\n').Skip(2).TakeWhile(line => line.StartsWith('|'))
            .Select(line => RowPattern().Match(line))
            .Select(match => (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value));

        Assert.Equal(ExitCodes.All, rows);
    }

    [Fact]
    public async Task Help_lists_every_exit_code()
    {
        var console = new Commands.CommandRunTests.FakeConsole();

        await console.RunAsync("--help");

        string[] lines = [.. console.Stdout.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim())];
        int table = Array.IndexOf(lines, "Exit codes:");
        Assert.True(table > 0, "help has no exit code table");
        Assert.Equal(
            ["0  success", "1  gradcheck: a gradient is off by more than the tolerance", "2  bad command line or program"],
            lines[(table + 1)..(table + 4)]);
        Assert.Equal("130  interrupted (Ctrl+C)", lines[table + 10]);
    }

    [GeneratedRegex(@"^\| (\d+) \| (.*) \|$")]
    private static partial Regex RowPattern();
}
