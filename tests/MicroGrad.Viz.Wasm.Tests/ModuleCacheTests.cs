using MicroGrad.Viz.Graphviz;
using Wasmtime;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>The compiled module is cached on disk, reloaded, and recompiled when the file is unusable.</summary>
public sealed class ModuleCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Engine NewEngine() => new(new Config().WithEpochInterruption(true).WithMaximumStackSize(GraphvizRuntime.WasmStackBytes));

    [Fact]
    public void The_first_load_compiles_and_saves_the_second_loads_the_saved_code()
    {
        string path = Path.Combine(_folder, "sub", "graphviz.cwasm");
        using var engine = NewEngine();

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
        using var engine = NewEngine();

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
        using var engine = NewEngine();

        var (module, cached) = ModuleCache.Load(engine, WasmModule.ReadBytes, Path.Combine(blocker, "graphviz.cwasm"));

        Assert.False(cached);
        Assert.Equal("not a folder", File.ReadAllText(blocker));
        module.Dispose();
    }

    [Fact]
    public void The_cache_file_name_names_the_module_wasmtime_and_cpu()
    {
        string? path = ModuleCache.FilePath(WasmModule.Sha256);

        // MGVIZ_CACHE_DIR may turn the cache off on a machine; then there is no name to check.
        if (path is null)
        {
            Assert.Equal(string.Empty, Environment.GetEnvironmentVariable(ModuleCache.FolderVariable));
            return;
        }

        string name = Path.GetFileName(path);
        Assert.StartsWith("graphviz-b113d594ef25f4da-wasmtime-50.0.1", name, StringComparison.Ordinal);
        Assert.EndsWith($"-{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}.cwasm", name, StringComparison.Ordinal);
        Assert.Equal(path, WasmGraphviz.CacheFile);
    }

    [Theory]
    [InlineData("/srv/cache", null, "/srv/cache")]           // MGVIZ_CACHE_DIR wins
    [InlineData("/srv/cache", "/xdg", "/srv/cache")]
    [InlineData(null, "/xdg", "/xdg/mgviz")]                 // else XDG_CACHE_HOME
    [InlineData(null, "", "~/.cache/mgviz")]                 // else ~/.cache; an empty XDG_CACHE_HOME counts as unset
    [InlineData(null, null, "~/.cache/mgviz")]
    public void The_cache_folder_follows_the_environment_on_linux(string? mgvizCacheDir, string? xdgCacheHome, string folder)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "these are Linux's folder rules (macOS and Windows use their own cache folders)");
        var environment = new Dictionary<string, string?> { ["MGVIZ_CACHE_DIR"] = mgvizCacheDir, ["XDG_CACHE_HOME"] = xdgCacheHome };
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string architecture = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

        string? path = ModuleCache.FilePath(WasmModule.Sha256, name => environment[name]);

        Assert.Equal(Path.Combine(folder.Replace("~", home, StringComparison.Ordinal), $"graphviz-b113d594ef25f4da-wasmtime-50.0.1.0-linux-{architecture}.cwasm"), path);
    }

    [Fact]
    public void An_empty_mgviz_cache_dir_turns_the_cache_off()
    {
        Assert.Null(ModuleCache.FilePath(WasmModule.Sha256, name => name == "MGVIZ_CACHE_DIR" ? string.Empty : "/xdg"));
    }

    [Fact]
    public void A_memory_limit_outside_the_module_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WasmGraphviz(1 << 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WasmGraphviz(3L << 30));
        Assert.IsType<IGraphvizBackend>(new WasmGraphviz(64L << 20), exactMatch: false);
    }
}
