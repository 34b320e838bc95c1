namespace MicroGrad.Viz.Graphviz;

/// <summary>The Graphviz layout engines MicroGrad.Viz allows (its <c>-K</c> option).</summary>
public enum LayoutEngine
{
    /// <summary>Hierarchical layers (<c>dot</c>), the default and the right one for computation graphs.</summary>
    Dot,

    /// <summary>Spring model (<c>neato</c>).</summary>
    Neato,

    /// <summary>Radial (<c>twopi</c>).</summary>
    Twopi,

    /// <summary>Circular (<c>circo</c>).</summary>
    Circo,

    /// <summary>Force-directed (<c>fdp</c>).</summary>
    Fdp,

    /// <summary>Scalable force-directed, for large graphs (<c>sfdp</c>).</summary>
    Sfdp,

    /// <summary>Squarified tree map (<c>patchwork</c>).</summary>
    Patchwork,

    /// <summary>Clustered arrays (<c>osage</c>).</summary>
    Osage,
}
