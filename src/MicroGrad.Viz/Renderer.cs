namespace MicroGrad.Viz;

/// <summary>Which backend draws a graph.</summary>
public enum Renderer
{
    /// <summary>
    /// Graphviz when its <c>dot</c> can be found (or a path to it is configured), otherwise the
    /// embedded renderer for SVG. PNG and PDF always need Graphviz.
    /// </summary>
    Auto,

    /// <summary>Graphviz's <c>dot</c>: the best layouts, and SVG, PNG and PDF.</summary>
    Graphviz,

    /// <summary>
    /// The built-in layered layout (<see cref="Embedded.EmbeddedRenderer"/>): SVG only, nothing to
    /// install, byte-identical output on every machine.
    /// </summary>
    Embedded,
}
