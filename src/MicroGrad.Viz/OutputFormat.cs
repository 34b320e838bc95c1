namespace MicroGrad.Viz;

/// <summary>What a drawing is saved or rendered as; <see cref="Formats.OutputFormats"/> has each one's name, file extensions and needs.</summary>
public enum OutputFormat
{
    /// <summary>SVG laid out and drawn by Graphviz (<c>.svg</c>).</summary>
    Svg,

    /// <summary>A bitmap at 96 pixels per inch (<c>.png</c>): the native Graphviz's cairo, or Graphviz in-process's SVG rasterised by Skia.</summary>
    Png,

    /// <summary>A PDF document (<c>.pdf</c>): the native Graphviz's cairo, or Graphviz in-process's SVG drawn by Skia.</summary>
    Pdf,

    /// <summary>The DOT MicroGrad.Viz writes, before any layout (<c>.dot</c>, <c>.gv</c>); needs no Graphviz.</summary>
    Dot,

    /// <summary>MicroGrad.Viz's graph export for other tools: ids, labels, ops, inputs, data and grad (<c>.json</c>); needs no Graphviz.</summary>
    Json,

    /// <summary>DOT with Graphviz's layout: positions and drawing operations (<c>.xdot</c>, Graphviz's <c>-Txdot</c>).</summary>
    XDot,

    /// <summary>Graphviz's plain text layout: a line per node and edge with coordinates (<c>.plain</c>, <c>-Tplain</c>).</summary>
    Plain,

    /// <summary>Graphviz's own JSON with the layout (<c>-Tjson</c>); no file extension names it: ask for it by name, <c>graphviz-json</c>.</summary>
    GraphvizJson,

    /// <summary>DOT with Graphviz's layout positions (<c>-Tdot</c>); no file extension names it (<c>.dot</c> is the DOT itself): ask for it by name, <c>graphviz-dot</c>.</summary>
    GraphvizDot,

    /// <summary>
    /// A self-contained page that steps through the backward pass (<c>.html</c>, <c>.htm</c>): Graphviz's SVG
    /// with a script; written from the <see cref="Value"/> graph.
    /// </summary>
    Html,
}
