using MicroGrad.TestSupport;

namespace MicroGrad.Viz.Tests;

public class SnapshotConventionTests
{
    [Fact]
    public void Every_verified_snapshot_belongs_to_an_existing_test()
    {
        var dangling = Snapshot.FindDangling(typeof(SnapshotConventionTests).Assembly, Snapshot.ProjectFolderOf());

        Assert.True(dangling.Count == 0, "Snapshots no test uses (delete them): " + string.Join(", ", dangling));
    }

    [Fact]
    public void No_received_snapshot_is_committed_and_git_ignores_new_ones()
    {
        // A received file exists while a snapshot test fails; it must never reach a commit.
        string root = Snapshot.RepositoryRoot;
        Assert.Equal(string.Empty, Git(root, "ls-files", "--", "*.received.*"));
        Assert.Equal("tests/MicroGrad.Viz.Tests/X.Y.received.dot", Git(root, "check-ignore", "--no-index", "tests/MicroGrad.Viz.Tests/X.Y.received.dot"));
    }

    private static string Git(string folder, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = System.Diagnostics.Process.Start(start)!;
        string output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return output.Trim();
    }
}
