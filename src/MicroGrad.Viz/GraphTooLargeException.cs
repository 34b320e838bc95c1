namespace MicroGrad.Viz;

/// <summary>
/// The drawing has more nodes than <see cref="RenderOptions.MaxNodes"/>, so no layout was started
/// (native or in-process). The message names the views that make the drawing smaller.
/// </summary>
public sealed class GraphTooLargeException : RenderException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="nodeCount">The nodes the drawing has.</param>
    /// <param name="limit">The limit it exceeds.</param>
    public GraphTooLargeException(int nodeCount, int limit)
        : base(
            $"The drawing has {nodeCount} nodes, more than the limit of {limit} (RenderOptions.MaxNodes): the layout would take minutes and the picture would be unreadable. " +
            "Make it smaller with the views of DrawingOptions: FoldConstants, CollapseChains and CollapseTerms (automatic above 200 values unless set to false), " +
            "Modules = ModuleView.Collapsed (ModuleDepth = 1 collapses whole layers), or Focus on one value. To draw it anyway, raise RenderOptions.MaxNodes.")
    {
        NodeCount = nodeCount;
        Limit = limit;
    }

    /// <summary>The nodes the drawing has.</summary>
    public int NodeCount { get; }

    /// <summary>The limit it exceeds.</summary>
    public int Limit { get; }
}
