using System.Runtime.CompilerServices;
using MicroGrad.TestSupport;

namespace MicroGrad.Viz.Cli.Tests;

public class SnapshotConventionTests
{
    [Fact]
    public void Every_verified_snapshot_belongs_to_an_existing_test()
    {
        var dangling = Snapshot.FindDangling(typeof(SnapshotConventionTests).Assembly, ProjectFolder());

        Assert.True(dangling.Count == 0, "Snapshots no test uses (delete them): " + string.Join(", ", dangling));
    }

    private static string ProjectFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
