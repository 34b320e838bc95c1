using System.Reflection;

namespace MicroGrad.Viz.Graphviz;

/// <summary>
/// Finds the in-process Graphviz of the <c>MicroGrad.Viz.Wasm</c> package when the application
/// carries it, so the default renderer works without configuration — the way Microsoft.Data.Sqlite
/// finds its bundled SQLite. The package stays optional: a user who needs only DOT or a native
/// Graphviz does not carry Wasmtime's native libraries.
/// </summary>
internal static class InProcessDiscovery
{
    private static readonly Lazy<IGraphvizBackend?> s_found = new(Find);

    public static IGraphvizBackend? Shared => s_found.Value;

    /// <summary>What to tell a user who asked for the in-process Graphviz without the package.</summary>
    public const string MissingHint =
        "Graphviz in-process needs the MicroGrad.Viz.Wasm package (dotnet add package MicroGrad.Viz.Wasm), " +
        "or set RenderOptions.InProcess.";

    private static IGraphvizBackend? Find()
    {
        try
        {
            // A literal type name: the trimmer and NativeAOT keep the type when the assembly is there.
            var type = Type.GetType("MicroGrad.Viz.Wasm.WasmGraphviz, MicroGrad.Viz.Wasm", throwOnError: false);
            return type?.GetProperty("Shared", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IGraphvizBackend;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TargetInvocationException or TypeLoadException)
        {
            return null;
        }
    }
}
