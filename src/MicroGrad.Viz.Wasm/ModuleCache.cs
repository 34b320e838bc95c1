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

    public static Module LoadFromUserCache(Engine engine, Func<byte[]> wasm, string key) => Load(engine, wasm, FilePath(key)).Module;

    /// <summary>Loads the module from <paramref name="path"/> if it holds a usable one, else compiles it and tries to save it there.</summary>
    public static (Module Module, bool FromCache) Load(Engine engine, Func<byte[]> wasm, string? path)
    {
        if (path is not null)
        {
            try
            {
                // Wasmtime maps the file instead of copying it: 3 ms where reading, hashing and
                // deserialising a copy took 50-70 ms, most of a cold start.
                return (Module.DeserializeFile(engine, "graphviz", path), true);
            }
            catch (WasmtimeException)
            {
                // Missing, compiled by another Wasmtime or for other CPU features, or damaged: compile afresh.
            }
        }

        var module = Module.FromBytes(engine, "graphviz", wasm());
        if (path is not null)
        {
            TryWrite(path, module);
        }

        return (module, false);
    }

    /// <summary>The cache file for this module, Wasmtime and CPU; null when caching is off.</summary>
    /// <param name="key">Names the module as compiled (its first 16 characters go into the file name): <see cref="WasmModule.CacheKey"/>.</param>
    public static string? FilePath(string key) =>
        FilePath(key, CurrentPlatform, Environment.GetEnvironmentVariable, Environment.GetFolderPath);

    /// <summary>The operating systems whose cache folder rules differ.</summary>
    internal enum Platform
    {
        /// <summary>Linux and every other Unix: the XDG rules.</summary>
        Linux,

        /// <summary>macOS: <c>~/Library/Caches</c>.</summary>
        MacOS,

        /// <summary>Windows: <c>%LOCALAPPDATA%</c>.</summary>
        Windows,
    }

    /// <summary>
    /// The cache file as <see cref="FilePath(string)"/> finds it on <paramref name="os"/>, reading
    /// variables through <paramref name="environment"/> and the user's folders through
    /// <paramref name="folder"/>: each platform's rules can be checked on any.
    /// </summary>
    internal static string? FilePath(string moduleSha256, Platform os, Func<string, string?> environment, Func<Environment.SpecialFolder, string> folder)
    {
        string? cacheFolder = Folder(os, environment, folder);
        if (cacheFolder is null)
        {
            return null;
        }

        string wasmtime = $"{typeof(Engine).Assembly.GetName().Version}";
        string architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        return Path.Combine(cacheFolder, $"graphviz-{moduleSha256[..16]}-wasmtime-{wasmtime}-{os.ToString().ToLowerInvariant()}-{architecture}.cwasm");
    }

    private static Platform CurrentPlatform => OperatingSystem.IsWindows() ? Platform.Windows : OperatingSystem.IsMacOS() ? Platform.MacOS : Platform.Linux;

    private static string? Folder(Platform os, Func<string, string?> environment, Func<Environment.SpecialFolder, string> folder)
    {
        if (environment(FolderVariable) is { } overridden)
        {
            return overridden.Length == 0 ? null : overridden;
        }

        string? root = os switch
        {
            Platform.Windows => Under(folder(Environment.SpecialFolder.LocalApplicationData)),
            Platform.MacOS => Under(folder(Environment.SpecialFolder.UserProfile), "Library", "Caches"),

            // The XDG Base Directory spec: an unset, empty or relative XDG_CACHE_HOME means ~/.cache.
            _ => environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
                ? xdg
                : Under(folder(Environment.SpecialFolder.UserProfile), ".cache"),
        };
        return root is null ? null : Path.Combine(root, "mgviz");

        // With no home folder known, no cache: never a folder relative to wherever the process runs.
        static string? Under(string home, params string[] parts) => home.Length == 0 ? null : Path.Combine([home, .. parts]);
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
                // Best effort; the name is unique and never loaded.
                try
                {
                    File.Delete(temporary);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}
