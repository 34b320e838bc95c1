using System.Runtime.InteropServices;
using Wasmtime;

namespace MicroGrad.Viz.Wasm;

/// <summary>
/// Keeps the compiled Graphviz module in the user's cache folder, so only the first start pays for
/// compiling it (0.4–2 s); later starts load the machine code in milliseconds.
/// </summary>
/// <remarks>
/// The file name carries the module's hash, the Wasmtime version and the CPU architecture, so a
/// new module, a new Wasmtime or another machine never loads a stale file (Wasmtime also refuses
/// code compiled for other CPU features, and then the module is compiled afresh). Files are written
/// to a temporary name and renamed, so a reader never sees a partial one; Wasmtime checks the
/// header of what it loads. Any failure to read or write the cache only costs the compile.
/// </remarks>
internal static class ModuleCache
{
    /// <summary>Overrides the cache folder (empty: no cache).</summary>
    public const string FolderVariable = "MGVIZ_CACHE_DIR";

    public static Module LoadFromUserCache(Engine engine, Func<byte[]> wasm, string moduleSha256) => Load(engine, wasm, FilePath(moduleSha256)).Module;

    /// <summary>Loads the module from <paramref name="path"/> if it holds a usable one, else compiles it and tries to save it there.</summary>
    public static (Module Module, bool FromCache) Load(Engine engine, Func<byte[]> wasm, string? path)
    {
        if (path is not null && TryDeserialize(engine, path) is { } cached)
        {
            return (cached, true);
        }

        var module = Module.FromBytes(engine, "graphviz", wasm());
        if (path is not null)
        {
            TryWrite(path, module);
        }

        return (module, false);
    }

    /// <summary>The cache file for this module, Wasmtime and CPU; null when caching is off.</summary>
    public static string? FilePath(string moduleSha256) => FilePath(moduleSha256, Environment.GetEnvironmentVariable);

    /// <summary>The cache file as <see cref="FilePath(string)"/> finds it, reading the environment through <paramref name="environment"/>.</summary>
    internal static string? FilePath(string moduleSha256, Func<string, string?> environment)
    {
        string? folder = Folder(environment);
        if (folder is null)
        {
            return null;
        }

        string wasmtime = typeof(Engine).Assembly.GetName().Version?.ToString() ?? "unknown";
        string architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";
        return Path.Combine(folder, $"graphviz-{moduleSha256[..16]}-wasmtime-{wasmtime}-{os}-{architecture}.cwasm");
    }

    private static string? Folder(Func<string, string?> environment)
    {
        if (environment(FolderVariable) is { } overridden)
        {
            return overridden.Length == 0 ? null : overridden;
        }

        string root;
        if (OperatingSystem.IsWindows())
        {
            root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }
        else if (OperatingSystem.IsMacOS())
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Caches");
        }
        else
        {
            root = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return root.Length == 0 ? null : Path.Combine(root, "mgviz");
    }

    private static Module? TryDeserialize(Engine engine, string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            // Wasmtime maps the file instead of copying it: 3 ms where reading, hashing and
            // deserialising a copy took 50-70 ms, most of a cold start.
            return Module.DeserializeFile(engine, "graphviz", path);
        }
        catch (WasmtimeException)
        {
            return null; // compiled by another Wasmtime, for other CPU features, or damaged
        }
    }

    private static void TryWrite(string path, Module module)
    {
        string? temporary = null;
        try
        {
            byte[] body = module.Serialize();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(body);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or WasmtimeException)
        {
            if (temporary is not null)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
                {
                    // Best effort; the name is unique and never loaded.
                }
            }
        }
    }
}
