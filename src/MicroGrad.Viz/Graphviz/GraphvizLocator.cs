namespace MicroGrad.Viz.Graphviz;

/// <summary>Finds <c>dot</c>: the explicit option, then the environment variable, then <c>PATH</c>.</summary>
internal static class GraphvizLocator
{
    public static string Locate(string? dotPath) =>
        TryLocate(dotPath, out var searched) ?? throw new GraphvizNotFoundException(searched);

    /// <summary>
    /// The path of <c>dot</c>, or <see langword="null"/> with the places searched. Choosing a renderer
    /// asks without throwing: on a machine without Graphviz, a process's first exception costs a
    /// noticeable part of a cold start.
    /// </summary>
    public static string? TryLocate(string? dotPath, out List<string> searched)
    {
        searched = [];
        if (dotPath is { } explicitPath)
        {
            return Check(explicitPath, $"DotPath option '{explicitPath}'", searched);
        }

        if (Environment.GetEnvironmentVariable(RenderOptions.DotPathVariable) is { Length: > 0 } variablePath)
        {
            return Check(variablePath, $"{RenderOptions.DotPathVariable}='{variablePath}'", searched);
        }

        string executable = OperatingSystem.IsWindows() ? "dot.exe" : "dot";
        string pathVariable = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder.Trim('"'), executable);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        searched.Add(pathVariable.Length == 0 ? "PATH (empty)" : $"PATH ({pathVariable})");
        foreach (var folder in WellKnownFolders())
        {
            string candidate = Path.Combine(folder, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            searched.Add(folder);
        }

        return null;
    }

    private static string? Check(string path, string description, List<string> searched)
    {
        if (File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        searched.Add(description + " (no such file)");
        return null;
    }

    /// <summary>Where installers put Graphviz without always adding it to PATH.</summary>
    private static IEnumerable<string> WellKnownFolders()
    {
        if (OperatingSystem.IsWindows())
        {
            foreach (var root in new[] { Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86 })
            {
                string folder = Environment.GetFolderPath(root);
                if (folder.Length > 0)
                {
                    yield return Path.Combine(folder, "Graphviz", "bin");
                }
            }
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "/opt/homebrew/bin";
            yield return "/usr/local/bin";
        }
    }
}
