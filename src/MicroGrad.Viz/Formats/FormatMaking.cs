namespace MicroGrad.Viz.Formats;

/// <summary>How a format is made from a drawing, which is what it needs.</summary>
internal enum FormatMaking
{
    /// <summary>Laid out by Graphviz (either one).</summary>
    Layout,

    /// <summary>The DOT itself, written without any Graphviz.</summary>
    Written,

    /// <summary>The graph export, from the <see cref="Value"/> graph itself (no drawing).</summary>
    Export,

    /// <summary>The step-through page: Graphviz's SVG of the drawing, in a page with the graph's steps.</summary>
    Page,
}
