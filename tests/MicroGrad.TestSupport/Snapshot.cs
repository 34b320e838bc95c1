using System.Reflection;
using System.Runtime.CompilerServices;

namespace MicroGrad.TestSupport;

/// <summary>
/// Snapshot testing with Verify's file conventions, so moving to Verify later is a rename:
/// <c>{TestClass}.{TestMethod}[_{parameter}].verified.{ext}</c> next to the test source. On a
/// mismatch the actual text goes to the matching <c>.received.</c> file and the test fails with the
/// first differing line. Accept changes deliberately: set <c>MGVIZ_ACCEPT_SNAPSHOTS=1</c> or run
/// <c>tools/accept-snapshots.sh</c>; never on CI (<c>CI=true</c>).
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "MGVIZ_ACCEPT_SNAPSHOTS";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Verify(
        string actual,
        string extension = "dot",
        string? parameter = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        Assert.DoesNotContain('\r', actual);
        string folder = Path.GetDirectoryName(sourceFile)!;
        string name = Path.GetFileNameWithoutExtension(sourceFile) + "." + method + (parameter is null ? string.Empty : "_" + parameter);
        string verified = Path.Combine(folder, $"{name}.verified.{extension}");
        string received = Path.Combine(folder, $"{name}.received.{extension}");

        string? expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.Delete(received);
            return;
        }

        if (!IsCi && Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot yet: review {received} and accept it (tools/accept-snapshots.sh)."
            : $"Snapshot mismatch: {Describe(expected, actual)}\nCompare {verified}\nwith {received}; accept deliberate changes with tools/accept-snapshots.sh.");
    }

    /// <summary>The repository's root folder.</summary>
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", ".."));

    /// <summary>The source folder of the test project a test file is in.</summary>
    /// <param name="sourceFile">Filled in by the compiler with the calling file.</param>
    public static string ProjectFolderOf([CallerFilePath] string sourceFile = "")
    {
        // tests/{Project}/… : the folder right under tests/.
        string tests = Path.Combine(RepositoryRoot, "tests") + Path.DirectorySeparatorChar;
        string relative = Path.GetFullPath(sourceFile)[tests.Length..];
        return Path.Combine(tests, relative[..relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal)]);
    }

    /// <summary>
    /// Snapshot files under <paramref name="folder"/> whose name matches no test method of
    /// <paramref name="assembly"/> (<c>{Class}.{Method}</c>, optionally followed by <c>_parameter</c>).
    /// </summary>
    public static List<string> FindDangling(Assembly assembly, string folder)
    {
        var tests = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
                .Select(m => t.Name + "." + m.Name))
            .ToHashSet(StringComparer.Ordinal);

        return [.. Directory.EnumerateFiles(folder, "*.verified.*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => Path.GetFileName(path))
            .Select(file => file[..file.IndexOf(".verified.", StringComparison.Ordinal)])
            .Where(name => !tests.Contains(name) && !tests.Any(test => name.StartsWith(test + "_", StringComparison.Ordinal)))];
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string Describe(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string? left = i < e.Length ? e[i] : null;
            string? right = i < a.Length ? a[i] : null;
            if (!string.Equals(left, right, StringComparison.Ordinal))
            {
                return $"first difference at line {i + 1}:\n  verified: {left ?? "(end of file)"}\n  received: {right ?? "(end of file)"}";
            }
        }

        return "the texts differ in line endings or trailing characters";
    }
}
