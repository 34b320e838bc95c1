using System.Reflection;

namespace MicroGrad.Viz.Wasm;

/// <summary>The embedded Graphviz WebAssembly module (see <c>ThirdParty/README.md</c> for its provenance).</summary>
internal static class WasmModule
{
    /// <summary>The pinned SHA-256 of <c>ThirdParty/graphviz.wasm</c>; <c>tools/graphviz-wasm/reproduce.sh</c> checks the same value.</summary>
    public const string Sha256 = "b113d594ef25f4da9d12e83f7f1550f00aae8e8fa911ebc4c4417ec1293f1451";

    /// <summary>The Graphviz release compiled into the module.</summary>
    public const string GraphvizVersion = "16.1.0";

    public static byte[] ReadBytes() => ReadBytes(typeof(WasmModule).Assembly, "graphviz.wasm");

    /// <summary>Reads the module from a resource of <paramref name="assembly"/>.</summary>
    internal static byte[] ReadBytes(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Graphviz WebAssembly module is missing from {assembly.GetName().Name}.dll (no resource '{resource}').");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
