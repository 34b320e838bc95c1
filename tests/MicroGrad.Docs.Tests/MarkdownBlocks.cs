using MicroGrad.TestSupport;

namespace MicroGrad.Docs.Tests;

/// <summary>A fenced code block of a Markdown file: where it starts, its info string and its lines.</summary>
internal sealed record MarkdownBlock(string File, int Line, string Language, IReadOnlyList<string> Lines)
{
    public string Text => string.Join('\n', Lines) + "\n";

    public override string ToString() => $"{File}:{Line} ({Language})";
}

/// <summary>Reads the fenced blocks (<c>```lang</c> … <c>```</c> at the start of a line) of a Markdown file.</summary>
internal static class MarkdownBlocks
{
    public static IReadOnlyList<MarkdownBlock> Read(string path, string displayName)
    {
        var blocks = new List<MarkdownBlock>();
        string[] lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            int start = i;
            string language = lines[i][3..].Trim();
            var body = new List<string>();
            while (++i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                body.Add(lines[i]);
            }

            Assert.True(i < lines.Length, $"{displayName}:{start + 1}: a code block is never closed");
            blocks.Add(new MarkdownBlock(displayName, start + 1, language, body));
        }

        return blocks;
    }

    /// <summary>
    /// The documents a reader follows, in reading order: the README, the guides it links to, the
    /// contributors' page. Their shell blocks run in this order, as one session.
    /// </summary>
    public static IReadOnlyList<string> Documents { get; } =
    [
        "README.md", "docs/mgviz.md", "docs/graphviz.md", "docs/step-through-page.md", "docs/tape.md",
        "docs/big-graphs.md", "docs/performance.md", "CONTRIBUTING.md",
    ];

    /// <summary>The blocks of <see cref="Documents"/>, of the package READMEs and of <c>examples/README.md</c>.</summary>
    public static IReadOnlyList<MarkdownBlock> All() =>
        [.. Documents.Concat(PackageReadmes).Append("examples/README.md").SelectMany(name => Read(Path.Combine(Snapshot.RepositoryRoot, name), name))];

    /// <summary>The README each package carries (its page on a package feed).</summary>
    public static IReadOnlyList<string> PackageReadmes { get; } =
        ["src/MicroGrad/README.md", "src/MicroGrad.Viz/README.md", "src/MicroGrad.Viz.Wasm/README.md", "src/MicroGrad.Viz.Cli/README.md"];
}
