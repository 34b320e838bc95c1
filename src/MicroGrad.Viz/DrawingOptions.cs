using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Internal;

namespace MicroGrad.Viz;

/// <summary>
/// How a <see cref="Value"/> graph is drawn (<see cref="ValueDrawingExtensions.ToDot"/> and every format made from it). Every property has a documented default; an
/// instance created with <c>new()</c> draws what the micrograd lecture draws, with colours by role.
/// </summary>
public sealed record DrawingOptions
{
    /// <summary>The defaults.</summary>
    public static DrawingOptions Default { get; } = new();

    /// <summary>The direction the drawing flows in. Default <see cref="RankDirection.LeftToRight"/>.</summary>
    public RankDirection Direction { get; init; } = RankDirection.LeftToRight;

    /// <summary>
    /// Decimals shown for data and grad, 0 to 15. Default 4 (<c>data 2.0000</c>). Ignored when
    /// <see cref="RoundTrip"/> is set.
    /// </summary>
    public int Precision
    {
        get;
        init => field = OptionGuard.Between(value, 0, 15, nameof(Precision));
    } = 4;

    /// <summary>
    /// Show numbers in their shortest round-trip form (<c>0.7071067811865476</c>) instead of a fixed
    /// number of decimals. Default <see langword="false"/>.
    /// </summary>
    public bool RoundTrip { get; init; }

    /// <summary>Which fields value records show. Default <see cref="ValueFields.All"/>.</summary>
    public ValueFields Fields { get; init; } = ValueFields.All;

    /// <summary>
    /// The size, in values, above which the views that keep big graphs readable switch on by
    /// themselves: <see cref="FoldConstants"/>, <see cref="CollapseChains"/> and
    /// <see cref="CollapseTerms"/> when left <see langword="null"/>. Default 200.
    /// </summary>
    public int AutoViewThreshold { get; init; } = 200;

    /// <summary>
    /// The size, in values, above which <see cref="Modules"/> (when left <see langword="null"/>)
    /// collapses module runs, if the graph has any. Default 1000.
    /// </summary>
    public int AutoModuleThreshold { get; init; } = 1000;

    /// <summary>
    /// Fold unlabelled constants (the <c>2</c> of <c>a * 2</c>) into their operator node, drawn as
    /// <c>* 2</c>, instead of drawing them as values of their own. Default <see langword="null"/>:
    /// on for graphs larger than <see cref="AutoViewThreshold"/>, off otherwise.
    /// </summary>
    public bool? FoldConstants { get; init; }

    /// <summary>
    /// Draw chains of the same associative operation (the <c>b + w0*x0 + w1*x1 + …</c> every neuron
    /// builds) as one n-ary operator, <c>Σ (n)</c> or <c>Π (n)</c>, when the intermediate values have no
    /// label, no other user and the same module. Default <see langword="null"/>: on for graphs larger
    /// than <see cref="AutoViewThreshold"/>.
    /// </summary>
    public bool? CollapseChains { get; init; }

    /// <summary>
    /// In an n-ary sum or product of three or more operands, hide the single-use, unlabelled terms
    /// (each neuron's <c>w*x</c>, each <c>p*p</c> of a regularisation sum): the operator, drawn as
    /// <c>Σ (n terms)</c>, takes their inputs directly. Default <see langword="null"/>: on for graphs
    /// larger than <see cref="AutoViewThreshold"/>.
    /// </summary>
    public bool? CollapseTerms { get; init; }

    /// <summary>
    /// Draw the many inputs of a wide operation as one counted node: when an operator (after the other
    /// views) has more than <see cref="FanInThreshold"/> inputs that nothing else uses — leaves such as
    /// the <c>a0 … a299</c> of a long sum, or terms of one operation made of such leaves — they become
    /// one node that says how many values it stands for and the range of their data and grad.
    /// Default <see langword="null"/>: on (it changes only operators that wide).
    /// </summary>
    public bool? GroupFanIn { get; init; }

    /// <summary>
    /// The number of lone inputs of one kind an operator may have before <see cref="GroupFanIn"/> draws
    /// them as one node. Default 32: a neuron with 32 inputs is still drawn input by input.
    /// </summary>
    public int FanInThreshold
    {
        get;
        init => field = OptionGuard.AtLeast(value, 1, nameof(FanInThreshold));
    } = 32;

    /// <summary>
    /// How modules are shown. Default <see langword="null"/>: <see cref="ModuleView.Collapsed"/> for
    /// graphs larger than <see cref="AutoModuleThreshold"/> that have module scopes,
    /// <see cref="ModuleView.None"/> otherwise.
    /// </summary>
    public ModuleView? Modules { get; init; }

    /// <summary>
    /// The module depth <see cref="ModuleView.Collapsed"/> collapses at: 1 for top-level scopes (an
    /// <c>Mlp</c>'s layers), 2 for the scopes inside them (its neurons), …. Default 1.
    /// </summary>
    public int ModuleDepth
    {
        get;
        init => field = OptionGuard.AtLeast(value, 1, nameof(ModuleDepth));
    } = 1;

    /// <summary>
    /// Draw only the part of the graph around the value with this label (the first one in
    /// topological order); everything else is drawn as stub nodes that say how many values they hide.
    /// Default <see langword="null"/>: the whole graph.
    /// </summary>
    public string? Focus { get; init; }

    /// <summary>
    /// With <see cref="Focus"/>: keep the values within this many edges of the focused one, in either
    /// direction. <see langword="null"/> (the default) keeps the focused value and all its ancestors.
    /// </summary>
    public int? FocusDepth
    {
        get;
        init => field = value < 0 ? throw OptionGuard.Outside(nameof(FocusDepth), value, "cannot be negative") : value;
    }

    /// <summary>
    /// Above this many nodes the DOT asks Graphviz for a cheaper layout (<c>nslimit</c>, <c>mclimit</c>,
    /// straight-line edges), which keeps large drawings to seconds. Default 400.
    /// </summary>
    public int FastLayoutThreshold { get; init; } = 400;

    /// <summary>
    /// Whether value nodes carry a tooltip (Graphviz <c>tooltip</c>: data and grad at full precision,
    /// the operation and the module, shown on hover in SVG). <see langword="null"/> (the default): on
    /// when the drawing has at most <see cref="TooltipThreshold"/> nodes. Larger drawings are over the
    /// size guard and not laid out, and tooltips would make their DOT half as large again.
    /// </summary>
    public bool? Tooltips { get; init; }

    /// <summary>The most nodes a drawing has for <see cref="Tooltips"/> to be on by default: 2,000, the size guard's default.</summary>
    public static int TooltipThreshold => 2000;

    /// <summary>Collapsed module nodes. Default light violet fill.</summary>
    public NodeStyle ModuleStyle { get; init; } = new(FillColor: "#ede9fe", Color: "#5b21b6");

    /// <summary>A title drawn above the graph; <see langword="null"/> (the default) for none.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// Colour value nodes by the sign and size of their gradient instead of by role: red for
    /// positive, blue for negative, deeper for larger magnitudes relative to the largest finite
    /// gradient in the graph, white for 0, amber for NaN. Default <see langword="false"/>.
    /// </summary>
    public bool ColorByGradient { get; init; }

    /// <summary>Leaves that are not constants: inputs and parameters. Default light blue fill.</summary>
    public NodeStyle LeafStyle { get; init; } = new(FillColor: "#dbeafe", Color: "#1e3a8a");

    /// <summary>Constants made from <see cref="double"/> operands. Default light grey fill, grey text.</summary>
    public NodeStyle ConstantStyle { get; init; } = new(FillColor: "#f3f4f6", Color: "#9ca3af", FontColor: "#4b5563");

    /// <summary>The value being drawn (the root). Default light green fill, bold border.</summary>
    public NodeStyle OutputStyle { get; init; } = new(FillColor: "#dcfce7", Color: "#166534", PenWidth: 2);

    /// <summary>Every other value. Default: Graphviz defaults.</summary>
    public NodeStyle IntermediateStyle { get; init; } = NodeStyle.Plain;

    /// <summary>Operator nodes. Default light yellow fill.</summary>
    public NodeStyle OperatorStyle { get; init; } = new(FillColor: "#fef9c3", Color: "#a16207");

    /// <summary>
    /// The font of every label. Default <c>Helvetica</c>: Graphviz in-process has built-in metrics for it
    /// (a list such as <c>Helvetica,Arial,sans-serif</c> falls back to Times' metrics there), a native
    /// Graphviz finds a match through fontconfig, and Graphviz's SVG names it <c>Helvetica,sans-Serif</c>.
    /// </summary>
    public string FontName { get; init; } = "Helvetica";
}
