namespace MicroGrad.Viz.Drawing;

/// <summary>The direction a drawing flows in, from inputs to output.</summary>
public enum RankDirection
{
    /// <summary>Left to right (Graphviz <c>rankdir=LR</c>), as in the micrograd lecture. Records are drawn as rows.</summary>
    LeftToRight,

    /// <summary>Top to bottom (<c>rankdir=TB</c>). Records are still drawn as rows.</summary>
    TopToBottom,
}
