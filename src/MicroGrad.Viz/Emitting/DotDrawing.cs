using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Planning;
using MicroGrad.Viz.Text;

namespace MicroGrad.Viz.Emitting;

/// <summary>
/// Draws a <see cref="Value"/> graph as DOT: one record node per value
/// (<c>{ label | data 2.0000 | grad 6.0000 }</c>), one operator node per computed value, and edges
/// input → operator → value, in the style of the micrograd lecture.
/// </summary>
/// <remarks>
/// Node ids come from the topological order of the graph (<c>v0</c>, <c>v1</c>, … and
/// <c>v3_op</c> for the operator of <c>v3</c>), so the same graph always gives byte-identical DOT.
/// A value used twice by one operation (<c>a * a</c>) gets two edges.
/// </remarks>
internal static class DotDrawing
{
    /// <summary>Builds the DOT model of the graph that ends in <paramref name="root"/>.</summary>
    /// <param name="root">The value to draw, with everything it depends on.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>A new DOT model, free to change before writing.</returns>
    public static DotGraph ToDotGraph(Value root, DrawingOptions? options = null)
    {
        using var emitter = Emitter(root, options);
        return emitter.Build();
    }

    /// <summary>The drawing with the views as applied and the node of each value.</summary>
    public static DrawnGraph ToDrawing(Value root, DrawingOptions? options = null)
    {
        using var emitter = Emitter(root, options);
        var graph = emitter.Build();
        return new DrawnGraph(graph, emitter.Plan.Views with { Tooltips = emitter.Tooltips }, ById(emitter.Plan, emitter.NodeId), ById(emitter.Plan, emitter.OperatorId));
    }

    /// <summary>The plan of the graph that ends in <paramref name="root"/> and its emitter, to be disposed when the drawing is made.</summary>
    internal static DrawingEmitter Emitter(Value root, DrawingOptions? options)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new DrawingEmitter(DrawingPlan.Create(root, options ?? DrawingOptions.Default));
    }

    private static Dictionary<Value, string> ById(DrawingPlan plan, Func<int, string?> id)
    {
        var map = new Dictionary<Value, string>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < plan.Order.Count; i++)
        {
            if (id(i) is { } found)
            {
                map.Add(plan.Order[i], found);
            }
        }

        return map;
    }

    /// <summary>Writes the DOT of the graph that ends in <paramref name="root"/> to <paramref name="writer"/>.</summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="writer">The destination; not closed.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    public static void Write(Value root, TextWriter writer, DrawingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(writer);
        using var emitter = Emitter(root, options);
        emitter.WriteTo(writer); // streamed: a big graph is never held as a model
    }

    /// <summary>The DOT of the graph that ends in <paramref name="root"/>, as a string.</summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>DOT text with <c>\n</c> line endings.</returns>
    public static string ToDot(Value root, DrawingOptions? options = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(root, writer, options);
        return writer.ToString();
    }

    /// <summary>
    /// A value node's tooltip (Graphviz <c>tooltip</c>: a hover title in SVG): data and grad at full
    /// precision, the operation and the module, e.g. <c>data 0.7071067811865476\ngrad 1\nop tanh\nin layer1.neuron0</c>.
    /// </summary>
    internal static string Tooltip(Value value)
    {
        string what = value.Op.Length > 0 ? "op " + value.Op : value.IsConstant ? "constant" : "leaf";
        string text = "data " + NumberText.Format(value.Data, 0, roundTrip: true) + "\ngrad " + NumberText.Format(value.Grad, 0, roundTrip: true) + "\n" + what;
        return value.Scope is { } scope ? text + "\nin " + scope.Path : text;
    }

    internal static void ApplyStyle(DotAttributes attributes, NodeStyle style)
    {
        if (style.FillColor is not null)
        {
            attributes.Set("style", "filled");
            attributes.Set("fillcolor", style.FillColor);
        }

        if (style.Color is not null)
        {
            attributes.Set("color", style.Color);
        }

        if (style.FontColor is not null)
        {
            attributes.Set("fontcolor", style.FontColor);
        }

        if (style.PenWidth is double width)
        {
            attributes.Set("penwidth", DotValue.FromNumber(width));
        }
    }

    internal static void ApplyGradientStyle(DotAttributes attributes, double gradient, double scale, bool isRoot)
    {
        attributes.Set("style", "filled");
        attributes.Set("fillcolor", GradientPalette.Fill(gradient, scale));
        if (GradientPalette.NeedsLightText(gradient, scale))
        {
            attributes.Set("fontcolor", "white");
        }

        if (isRoot)
        {
            attributes.Set("penwidth", "2");
        }
    }
}
