using Wasmtime;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>The stand-in module (<c>FakeGraphviz.wat</c>), compiled once for every test that drives the host with it.</summary>
internal static class FakeGraphviz
{
    private static readonly Lazy<GraphvizRuntime> s_runtime = new(NewRuntime);

    public static GraphvizRuntime Runtime => s_runtime.Value;

    /// <summary>A runtime of its own (an engine and an epoch ticker no other test shares), for tests that watch the ticker.</summary>
    public static GraphvizRuntime NewRuntime() => new(GraphvizRuntime.NewEngine(), Compile);

    public static Module Compile(Engine engine) =>
        Module.FromText(engine, "fake-graphviz", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "FakeGraphviz.wat")));
}
