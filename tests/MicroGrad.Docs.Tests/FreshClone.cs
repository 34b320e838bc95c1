using MicroGrad.TestSupport;

namespace MicroGrad.Docs.Tests;

/// <summary>
/// A clone of this repository in a temporary folder, as a new user gets it, plus the working tree's
/// uncommitted changes (so a developer tests what they are about to commit; on CI there are none).
/// </summary>
internal sealed class FreshClone
{
    private FreshClone(string root) => Root = root;

    public string Root { get; }

    public static async Task<FreshClone> CreateAsync(string parent, CancellationToken cancellationToken)
    {
        string source = Snapshot.RepositoryRoot;
        string root = Path.Combine(parent, "repo");
        (await Shell.RunAsync("git", ["clone", "--quiet", "--no-hardlinks", source, root], parent, null, cancellationToken)).ThrowIfFailed("git clone");
        var changed = (await Shell.RunAsync("git", ["ls-files", "--modified", "--others", "--exclude-standard", "-z"], source, null, cancellationToken)).ThrowIfFailed("git ls-files");
        var deleted = (await Shell.RunAsync("git", ["ls-files", "--deleted", "-z"], source, null, cancellationToken)).ThrowIfFailed("git ls-files");
        var gone = deleted.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        foreach (string file in changed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => !gone.Contains(f)))
        {
            string target = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(source, file), target, overwrite: true);
        }

        foreach (string file in gone)
        {
            File.Delete(Path.Combine(root, file));
        }

        return new FreshClone(root);
    }
}
