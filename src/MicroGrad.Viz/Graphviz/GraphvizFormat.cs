namespace MicroGrad.Viz.Graphviz;

/// <summary>The output formats MicroGrad.Viz asks Graphviz for (its <c>-T</c> option); nothing else is passed.</summary>
public enum GraphvizFormat
{
    /// <summary>Scalable vector graphics (<c>-Tsvg</c>).</summary>
    Svg,

    /// <summary>A bitmap (<c>-Tpng</c>).</summary>
    Png,

    /// <summary>A PDF document (<c>-Tpdf</c>).</summary>
    Pdf,

    /// <summary>DOT with layout positions added (<c>-Tdot</c>).</summary>
    Dot,

    /// <summary>Graphviz's JSON with layout positions (<c>-Tjson</c>).</summary>
    Json,

    /// <summary>DOT with layout positions and drawing operations (<c>-Txdot</c>).</summary>
    XDot,

    /// <summary>Graphviz's plain text layout: one line per node and edge with coordinates (<c>-Tplain</c>).</summary>
    Plain,
}
