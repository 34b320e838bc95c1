using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using MicroGrad.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MicroGrad.Docs.Tests;

/// <summary>
/// Every C# block of the README, the guides under docs/, CONTRIBUTING.md and examples/README.md is a whole program: it compiles as printed
/// (with a console project's implicit usings), runs, and prints what its comments say. A comment on a
/// <c>Console.WriteLine(…);</c> line is a claim about that line's output; other comments are prose.
/// </summary>
public sealed partial class CSharpBlockTests : IDisposable
{
    // The global usings of `dotnet new console` (ImplicitUsings): what a pasted block can rely on.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    // Written to the console right after a claimed line, so its output can be found.
    private const string ProbeSource = """
        internal static class DocsProbe
        {
            public static void Claim(int line) => System.Console.Out.Write("\u0001claim " + line + "\n");
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-docs-csharp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex(@"^(?<code>\s*Console\.WriteLine\(.*\);)\s*//\s?(?<claim>.*)$")]
    private static partial Regex ClaimedLine();

    [Fact]
    public async Task Every_csharp_block_compiles_runs_and_prints_what_its_comments_claim()
    {
        var blocks = MarkdownBlocks.All().Where(b => b.Language is "csharp" or "cs" or "c#").ToList();
        Assert.NotEmpty(blocks);

        // The blocks run from a folder laid out like the repository root: examples/data is there.
        CopyFolder(Path.Combine(Snapshot.RepositoryRoot, "examples", "data"), Path.Combine(_folder, "examples", "data"));
        var failures = new List<string>();
        int claims = 0;
        foreach (var block in blocks)
        {
            try
            {
                claims += await RunAsync(block);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                failures.Add($"{block}: {exception.Message}");
            }
        }

        TestContext.Current.SendDiagnosticMessage($"docs: compiled and ran {blocks.Count - failures.Count} of {blocks.Count} C# blocks; {claims} printed claims checked");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Compiles, runs and checks one block; returns how many claims it checked.</summary>
    private async Task<int> RunAsync(MarkdownBlock block)
    {
        var claimed = new Dictionary<int, string>();
        var source = new List<string>();
        for (int i = 0; i < block.Lines.Count; i++)
        {
            var match = ClaimedLine().Match(block.Lines[i]);
            if (match.Success)
            {
                claimed[i + 1] = match.Groups["claim"].Value.Trim();
                source.Add($"{match.Groups["code"].Value} DocsProbe.Claim({i + 1}); // {match.Groups["claim"].Value}");
            }
            else
            {
                source.Add(block.Lines[i]);
            }
        }

        var assembly = Compile(block, string.Join('\n', source));
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var (console, directory, culture) = (Console.Out, Environment.CurrentDirectory, CultureInfo.CurrentCulture);
        try
        {
            Console.SetOut(output);
            Environment.CurrentDirectory = _folder;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            await Task.Run(async () =>
            {
                object? result = assembly.EntryPoint!.Invoke(null, [Array.Empty<string>()]);
                if (result is Task task)
                {
                    await task;
                }
            });
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            throw new InvalidOperationException($"it threw {inner.GetType().Name}: {inner.Message}", inner);
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = directory;
            CultureInfo.CurrentCulture = culture;
        }

        var printed = new Dictionary<int, string>();
        string previous = string.Empty;
        foreach (string line in output.ToString().ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("\u0001claim ", StringComparison.Ordinal))
            {
                printed[int.Parse(line["\u0001claim ".Length..], CultureInfo.InvariantCulture)] = previous;
            }

            previous = line;
        }

        foreach (var (line, claim) in claimed)
        {
            Assert.True(printed.TryGetValue(line, out string? actual), $"line {line} of the block never ran");
            Assert.True(actual == claim, $"line {line} of the block printed '{actual}', its comment says '{claim}'");
        }

        return claimed.Count;
    }

    private static Assembly Compile(MarkdownBlock block, string source)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source, options, path: block.ToString()),
            CSharpSyntaxTree.ParseText(ImplicitUsings, options),
            CSharpSyntaxTree.ParseText(ProbeSource, options),
        };
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "DocsBlock" + block.Line.ToString(CultureInfo.InvariantCulture),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(emitted.Success, "it does not compile as printed:\n" + string.Join('\n', errors.Select(e => e.ToString())));
        image.Position = 0;
        return new AssemblyLoadContext(block.ToString(), isCollectible: true).LoadFromStream(image);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
