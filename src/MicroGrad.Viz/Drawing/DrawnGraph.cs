using MicroGrad.Viz.Dot;

namespace MicroGrad.Viz.Drawing;

/// <summary>
/// A drawing with what a tool building on it needs: the DOT model, the views that were applied once
/// the automatic ones were resolved for the graph's size, and which node draws each value (Graphviz
/// writes a node's id as the <c>&lt;title&gt;</c> of its <c>&lt;g class="node"&gt;</c> in SVG).
/// </summary>
public sealed class DrawnGraph
{
    internal DrawnGraph(DotGraph graph, DrawingOptions views, IReadOnlyDictionary<Value, string> nodeIds, IReadOnlyDictionary<Value, string> operatorIds)
    {
        Graph = graph;
        Views = views;
        NodeIds = nodeIds;
        OperatorIds = operatorIds;
    }

    /// <summary>The DOT model, free to change before writing or rendering it.</summary>
    public DotGraph Graph { get; }

    /// <summary>
    /// The options as applied: every automatic view (<see langword="null"/> in the options asked for)
    /// resolved to on or off, and the module view and tooltips decided.
    /// </summary>
    public DrawingOptions Views { get; }

    /// <summary>The id of the node of each value that has a node of its own (<c>v0</c>, <c>v3</c>, …); values drawn inside another node are absent.</summary>
    public IReadOnlyDictionary<Value, string> NodeIds { get; }

    /// <summary>The id of the operator node of each computed value that has one (<c>v3_op</c>).</summary>
    public IReadOnlyDictionary<Value, string> OperatorIds { get; }
}
