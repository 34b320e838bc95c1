namespace MicroGrad.Viz.Drawing;

/// <summary>How drawings show the modules values were computed in (see <see cref="ModuleScope"/>).</summary>
public enum ModuleView
{
    /// <summary>Ignore modules: every value is drawn where it is.</summary>
    None,

    /// <summary>Draw each module run as a labelled box around the values it computed.</summary>
    Clusters,

    /// <summary>
    /// Draw each module run (at <see cref="DrawingOptions.ModuleDepth"/>) as one summary node showing
    /// its output's data and grad and how many values it holds, with edges to what it feeds.
    /// </summary>
    Collapsed,
}
