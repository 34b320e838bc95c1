using System.Security.Cryptography;
using MicroGrad.TestSupport;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>The embedded module is the pinned third-party artifact, and every place that pins it agrees.</summary>
public class WasmModuleTests
{
    // The sha256 of @viz-js/viz 3.31.0's module, as extracted by tools/graphviz-wasm/reproduce.sh.
    private const string Pinned = "b113d594ef25f4da9d12e83f7f1550f00aae8e8fa911ebc4c4417ec1293f1451";

    [Fact]
    public void The_embedded_module_has_the_pinned_hash()
    {
        byte[] bytes = WasmModule.ReadBytes(typeof(WasmModule).Assembly, "graphviz.wasm");

        Assert.Equal(1_004_108, bytes.Length);
        Assert.Equal(Pinned, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(Pinned, WasmGraphviz.ModuleSha256);
    }

    [Fact]
    public void The_module_that_runs_differs_from_the_pinned_one_only_in_the_four_stack_constants()
    {
        byte[] original = WasmModule.ReadBytes(typeof(WasmModule).Assembly, "graphviz.wasm");
        byte[] patched = WasmModule.ReadBytes();

        // Offsets read with wasm-objdump -x (global 0's init; the i32.const in the constructors that stores
        // the thread's stack base and the one after 175672 for its size; data segment 404 at 173600 + 8 for
        // sbrk's start). 246096 (d0 82 0f) becomes 1048560 (f0 ff 3f), 65536 (80 80 04) becomes 868000 (a0 fd 34).
        var expected = new Dictionary<int, byte>
        {
            [3374] = 0xF0, [3375] = 0xFF, [3376] = 0x3F,
            [837605] = 0xF0, [837606] = 0xFF, [837607] = 0x3F,
            [837625] = 0xA0, [837626] = 0xFD, [837627] = 0x34,
            [1004080] = 0xF0, [1004081] = 0xFF, [1004082] = 0x0F,
        };
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToDictionary(i => i, i => patched[i]);
        Assert.Equal(original.Length, patched.Length);
        Assert.Equal(expected, changed);
    }

    [Fact]
    public void A_module_without_the_stack_constants_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WasmModule.PatchStack([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]));

        Assert.Equal("The Graphviz WebAssembly module does not hold the stack pointer's initial value once where expected: it is not the module this version of MicroGrad.Viz.Wasm was built for.", error.Message);
    }

    [Fact]
    public void A_build_without_the_module_says_what_is_missing_from_which_assembly()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WasmModule.ReadBytes(typeof(WasmModuleTests).Assembly, "graphviz.wasm"));

        Assert.Equal("The Graphviz WebAssembly module is missing from MicroGrad.Viz.Wasm.Tests.dll (no resource 'graphviz.wasm').", error.Message);
    }

    [Fact]
    public void The_committed_file_the_provenance_note_and_the_reproducing_script_pin_the_same_module()
    {
        string root = Snapshot.RepositoryRoot;
        byte[] committed = File.ReadAllBytes(Path.Combine(root, "src", "MicroGrad.Viz.Wasm", "ThirdParty", "graphviz.wasm"));

        Assert.Equal(Pinned, Convert.ToHexStringLower(SHA256.HashData(committed)));
        Assert.Contains(Pinned, File.ReadAllText(Path.Combine(root, "src", "MicroGrad.Viz.Wasm", "ThirdParty", "README.md")), StringComparison.Ordinal);
        Assert.Contains($"module_sha256=\"{Pinned}\"", File.ReadAllText(Path.Combine(root, "tools", "graphviz-wasm", "reproduce.sh")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_font_is_the_pinned_liberation_sans()
    {
        string folder = Path.Combine(Snapshot.RepositoryRoot, "src", "MicroGrad.Viz.Wasm", "ThirdParty");
        const string PinnedFont = "8d91388f1d3604b3b8ae0e3ee2d140e50cd6122f9214514f4aca772540a4076d";
        using var embedded = typeof(WasmGraphviz).Assembly.GetManifestResourceStream("LiberationSans-Regular.ttf")!;

        Assert.Equal(PinnedFont, Convert.ToHexStringLower(SHA256.HashData(embedded)));
        Assert.Equal(PinnedFont, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "fonts", "LiberationSans-Regular.ttf")))));
        Assert.Contains(PinnedFont, File.ReadAllText(Path.Combine(folder, "README.md")), StringComparison.Ordinal);
        Assert.Contains($"font_sha256=\"{PinnedFont}\"", File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot, "tools", "graphviz-wasm", "reproduce-font.sh")), StringComparison.Ordinal);
        Assert.Contains("SIL OPEN FONT LICENSE Version 1.1", File.ReadAllText(Path.Combine(folder, "LICENSE-LiberationSans-OFL-1.1.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_licences_travel_with_the_module()
    {
        string folder = Path.Combine(Snapshot.RepositoryRoot, "src", "MicroGrad.Viz.Wasm", "ThirdParty");

        Assert.StartsWith("Eclipse Public License - v 1.0", File.ReadAllText(Path.Combine(folder, "LICENSE-Graphviz-EPL-1.0.txt")), StringComparison.Ordinal);
        Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(folder, "LICENSE-viz-js-MIT.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_module_says_it_is_graphviz_16_1_0()
    {
        Assert.Equal("16.1.0", await WasmGraphviz.Shared.ReadVersionAsync());
        Assert.Equal("16.1.0", WasmGraphviz.Version);
    }
}
