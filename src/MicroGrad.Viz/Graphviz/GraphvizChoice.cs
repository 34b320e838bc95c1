namespace MicroGrad.Viz.Graphviz;

/// <summary>Which Graphviz draws a graph.</summary>
public enum GraphvizChoice
{
    /// <summary>
    /// The native <c>dot</c> when it is found (or a path to it is configured); otherwise Graphviz
    /// in-process (the <c>MicroGrad.Viz.Wasm</c> package) when the application carries it.
    /// </summary>
    Auto,

    /// <summary>The native Graphviz: a <c>dot</c> process. SVG, PNG, PDF and the text formats; its SVG depends on its version and the machine's fonts.</summary>
    Native,

    /// <summary>
    /// Graphviz compiled to WebAssembly, running in this process (<c>MicroGrad.Viz.Wasm</c>): nothing to
    /// install, byte-identical output on every machine; SVG, the text formats, and PNG and PDF drawn
    /// from its SVG with a bundled font.
    /// </summary>
    InProcess,
}
