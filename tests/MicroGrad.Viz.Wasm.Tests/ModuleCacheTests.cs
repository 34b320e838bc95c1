using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>The compiled module is cached on disk, reloaded, and recompiled when the file is unusable.</summary>
public sealed class ModuleCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_first_load_compiles_and_saves_the_second_loads_the_saved_code()
    {
        string path = Path.Combine(_folder, "sub", "graphviz.cwasm");
        using var engine = GraphvizRuntime.NewEngine();

        var (first, firstCached) = ModuleCache.Load(engine, WasmModule.ReadBytes, path);
        first.Dispose();
        long size = new FileInfo(path).Length;
        var (second, secondCached) = ModuleCache.Load(engine, () => throw new InvalidOperationException("must not compile"), path);

        Assert.False(firstCached);
        Assert.True(secondCached);
        Assert.True(size > 1_000_000, $"the compiled module is only {size} bytes");
        Assert.Equal(["graphviz.cwasm"], Directory.GetFiles(Path.Combine(_folder, "sub")).Select(Path.GetFileName));
        using var instance = new GraphvizInstance(engine, second, WasmGraphviz.DefaultMemoryLimit);
        Assert.Equal("16.1.0", instance.ReadVersion());
        second.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void A_damaged_cache_file_is_recompiled_and_replaced(int length)
    {
        string path = Path.Combine(_folder, "graphviz.cwasm");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, length).Select(i => (byte)i)]);
        using var engine = GraphvizRuntime.NewEngine();

        var (module, cached) = ModuleCache.Load(engine, WasmModule.ReadBytes, path);

        Assert.False(cached);
        Assert.True(new FileInfo(path).Length > 1_000_000);
        using var instance = new GraphvizInstance(engine, module, WasmGraphviz.DefaultMemoryLimit);
        Assert.Equal("16.1.0", instance.ReadVersion());
        module.Dispose();
    }

    [Fact]
    public void An_unwritable_cache_costs_only_the_compile()
    {
        string blocker = Path.Combine(_folder, "file");
        File.WriteAllText(blocker, "not a folder");
        using var engine = GraphvizRuntime.NewEngine();

        var (module, cached) = ModuleCache.Load(engine, WasmModule.ReadBytes, Path.Combine(blocker, "graphviz.cwasm"));

        Assert.False(cached);
        Assert.Equal("not a folder", File.ReadAllText(blocker));
        module.Dispose();
    }

    [Fact]
    public void The_cache_file_name_names_the_module_wasmtime_and_cpu()
    {
        string? path = WasmGraphviz.CacheFile;

        // MGVIZ_CACHE_DIR may turn the cache off on a machine; then there is no name to check.
        if (path is null)
        {
            Assert.Equal(string.Empty, Environment.GetEnvironmentVariable(ModuleCache.FolderVariable));
            return;
        }

        string os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";
        // The module's hash, then the stack patch's top (0xffff0): a module compiled before the patch is never loaded.
        Assert.Equal($"graphviz-b113d594s00ffff0-wasmtime-50.0.1.0-{os}-{Architecture}.cwasm", Path.GetFileName(path));
        Assert.Equal(path, WasmGraphviz.CacheFile);
    }

    // Each platform's rules, checked on any: the user's folders are /home/ann (profile) and /local
    // (Windows's local application data).
    [Theory]
    [InlineData("linux", "/srv/cache", null, "/srv/cache")]             // MGVIZ_CACHE_DIR wins
    [InlineData("linux", "/srv/cache", "/xdg", "/srv/cache")]
    [InlineData("linux", null, "/xdg", "/xdg/mgviz")]                   // else XDG_CACHE_HOME
    [InlineData("linux", null, "", "/home/ann/.cache/mgviz")]           // else ~/.cache; empty counts as unset,
    [InlineData("linux", null, "xdg", "/home/ann/.cache/mgviz")]        // and so does a relative path (the XDG spec)
    [InlineData("linux", null, null, "/home/ann/.cache/mgviz")]
    [InlineData("macos", null, "/xdg", "/home/ann/Library/Caches/mgviz")]
    [InlineData("macos", "/srv/cache", null, "/srv/cache")]
    [InlineData("windows", null, "/xdg", "/local/mgviz")]
    [InlineData("windows", "/srv/cache", null, "/srv/cache")]
    public void The_cache_folder_follows_each_platforms_rules(string os, string? mgvizCacheDir, string? xdgCacheHome, string folder)
    {
        var environment = new Dictionary<string, string?> { ["MGVIZ_CACHE_DIR"] = mgvizCacheDir, ["XDG_CACHE_HOME"] = xdgCacheHome };

        string? path = ModuleCache.FilePath(WasmModule.Sha256, Platform(os), name => environment[name], UserFolders("/home/ann", "/local"));

        Assert.Equal(Path.Combine(folder, $"graphviz-b113d594ef25f4da-wasmtime-50.0.1.0-{os}-{Architecture}.cwasm"), path);
    }

    [Theory]
    [InlineData("linux")]
    [InlineData("macos")]
    [InlineData("windows")]
    public void With_no_home_folder_known_there_is_no_cache_rather_than_one_in_the_working_folder(string os)
    {
        Assert.Null(ModuleCache.FilePath(WasmModule.Sha256, Platform(os), _ => null, UserFolders(string.Empty, string.Empty)));
    }

    [Fact]
    public void With_no_home_folder_xdg_cache_home_still_names_the_folder()
    {
        string? path = ModuleCache.FilePath(WasmModule.Sha256, ModuleCache.Platform.Linux, name => name == "XDG_CACHE_HOME" ? "/xdg" : null, UserFolders(string.Empty, string.Empty));

        Assert.Equal(Path.Combine("/xdg", "mgviz", $"graphviz-b113d594ef25f4da-wasmtime-50.0.1.0-linux-{Architecture}.cwasm"), path);
    }

    [Theory]
    [InlineData("linux")]
    [InlineData("macos")]
    [InlineData("windows")]
    public void An_empty_mgviz_cache_dir_turns_the_cache_off(string os)
    {
        Assert.Null(ModuleCache.FilePath(WasmModule.Sha256, Platform(os), name => name == "MGVIZ_CACHE_DIR" ? string.Empty : "/xdg", UserFolders("/home/ann", "/local")));
    }

    [Fact]
    public void A_cache_file_that_cannot_be_put_in_place_leaves_no_temporary_file_behind()
    {
        // The cache path is a folder: the compiled code is written beside it, then cannot be renamed onto it.
        string path = Path.Combine(_folder, "graphviz.cwasm");
        Directory.CreateDirectory(path);
        using var engine = GraphvizRuntime.NewEngine();

        byte[] emptyModule = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]; // "\0asm", version 1

        var (module, cached) = ModuleCache.Load(engine, () => emptyModule, path);

        Assert.False(cached);
        Assert.Equal([path], Directory.GetFileSystemEntries(_folder));
        Assert.Empty(Directory.GetFileSystemEntries(path));
        module.Dispose();
    }

    private static ModuleCache.Platform Platform(string os) => Enum.Parse<ModuleCache.Platform>(os, ignoreCase: true);

    private static string Architecture => System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

    private static Func<Environment.SpecialFolder, string> UserFolders(string profile, string localApplicationData) => folder => folder switch
    {
        Environment.SpecialFolder.UserProfile => profile,
        Environment.SpecialFolder.LocalApplicationData => localApplicationData,
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, "the cache asks for no other folder"),
    };

    [Fact]
    public void A_memory_limit_outside_the_module_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WasmGraphviz(1 << 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WasmGraphviz(3L << 30));
        Assert.IsType<IGraphvizBackend>(new WasmGraphviz(64L << 20), exactMatch: false);
    }
}
