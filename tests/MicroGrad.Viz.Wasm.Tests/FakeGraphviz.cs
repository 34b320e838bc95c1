using Wasmtime;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>The stand-in module (<c>FakeGraphviz.wat</c>), compiled once for every test that drives the host with it.</summary>
internal static class FakeGraphviz
{
    private static readonly Lazy<GraphvizRuntime> s_runtime = new(() => new GraphvizRuntime(
        GraphvizRuntime.NewEngine(),
        engine => Module.FromText(engine, "fake-graphviz", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "FakeGraphviz.wat")))));

    public static GraphvizRuntime Runtime => s_runtime.Value;
}
