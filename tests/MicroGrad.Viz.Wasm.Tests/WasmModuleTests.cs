using System.Security.Cryptography;
using MicroGrad.Viz.Tests.TestSupport;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>The embedded module is the pinned third-party artifact, and every place that pins it agrees.</summary>
public class WasmModuleTests
{
    // The sha256 of @viz-js/viz 3.31.0's module, as extracted by tools/graphviz-wasm/reproduce.sh.
    private const string Pinned = "b113d594ef25f4da9d12e83f7f1550f00aae8e8fa911ebc4c4417ec1293f1451";

    [Fact]
    public void The_embedded_module_has_the_pinned_hash()
    {
        byte[] bytes = WasmModule.ReadBytes();

        Assert.Equal(1_004_108, bytes.Length);
        Assert.Equal(Pinned, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(Pinned, WasmGraphviz.ModuleSha256);
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
