namespace MicroGrad.Viz.Tests.TestSupport;

public class SnapshotConventionTests
{
    [Fact]
    public void Every_verified_snapshot_belongs_to_an_existing_test()
    {
        var dangling = Snapshot.FindDangling(typeof(SnapshotConventionTests).Assembly, Snapshot.ProjectFolder);

        Assert.True(dangling.Count == 0, "Snapshots no test uses (delete them): " + string.Join(", ", dangling));
    }

    [Fact]
    public void No_received_snapshot_is_left_behind_by_passing_tests()
    {
        // Received files exist only while a snapshot test fails; .gitignore keeps them out of commits.
        string gitignore = Path.Combine(Snapshot.RepositoryRoot, ".gitignore");
        Assert.Contains("*.received.*", File.ReadAllText(gitignore), StringComparison.Ordinal);
    }
}
