using System.Reflection;

namespace MicroGrad.Viz.Tests.TestSupport;

public class SnapshotConventionTests
{
    [Fact]
    public void Every_verified_snapshot_belongs_to_an_existing_test()
    {
        string project = Snapshot.ProjectFolder;
        var tests = typeof(SnapshotConventionTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
                .Select(m => t.Name + "." + m.Name))
            .ToHashSet(StringComparer.Ordinal);

        var dangling = Directory.EnumerateFiles(project, "*.verified.*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Select(file => file![..file!.IndexOf(".verified.", StringComparison.Ordinal)])
            .Where(name => !tests.Contains(name) && !tests.Any(test => name.StartsWith(test + "_", StringComparison.Ordinal)))
            .ToList();

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
