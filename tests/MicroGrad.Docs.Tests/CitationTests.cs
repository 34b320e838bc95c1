using System.Text.RegularExpressions;
using MicroGrad.TestSupport;

namespace MicroGrad.Docs.Tests;

/// <summary>
/// The project's own text (docs, code comments, tests, scripts) cites sources its readers can open:
/// micrograd, the lecture, Graphviz's documentation, or our own measurements. Never the team's
/// internal brief, which no reader of this repository has.
/// </summary>
public sealed partial class CitationTests
{
    [GeneratedRegex(@"\bthe brief\b|\bbrief's\b|\bBRIEF\.md\b|\bbrief,? section\b", RegexOptions.IgnoreCase)]
    private static partial Regex InternalDocument();

    [Fact]
    public void No_text_of_the_repository_cites_the_internal_brief()
    {
        string root = Snapshot.RepositoryRoot;
        string[] extensions = [".md", ".cs", ".csproj", ".props", ".sh", ".json", ".mjs", ".txt", ".mg", ".yml"];
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f)) || Path.GetFileName(f) == "run")
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules" or "out" or "artifacts"))
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} files found under {root}");

        var citations = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => InternalDocument().IsMatch(l.Text) && !l.File.EndsWith(nameof(CitationTests) + ".cs", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(citations.Count == 0, "cite micrograd, the lecture, Graphviz or a measurement instead:\n" + string.Join('\n', citations));
    }
}
