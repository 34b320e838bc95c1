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
        ArgumentNullException.ThrowIfNull(root);
        options ??= DrawingOptions.Default;
        var plan = DrawingPlan.Create(root, options);
        return new DrawingEmitter(plan).Build();
    }

    /// <summary>The drawing with the views as applied and the node of each value.</summary>
    public static DrawnGraph ToDrawing(Value root, DrawingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var plan = DrawingPlan.Create(root, options ?? DrawingOptions.Default);
        var emitter = new DrawingEmitter(plan);
        var graph = emitter.Build();
        return new DrawnGraph(graph, plan.Views with { Tooltips = emitter.Tooltips }, ById(plan, emitter.NodeIds), ById(plan, emitter.OperatorIds));
    }

    private static Dictionary<Value, string> ById(DrawingPlan plan, IReadOnlyList<string?> ids)
    {
        var map = new Dictionary<Value, string>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < ids.Count; i++)
        {
            if (ids[i] is { } id)
            {
                map.Add(plan.Order[i], id);
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
        var plan = DrawingPlan.Create(root, options ?? DrawingOptions.Default);
        if (plan.Views.Modules == ModuleView.Clusters)
        {
            DotWriter.Write(new DrawingEmitter(plan).Build(), writer); // clusters nest nodes: needs the model
        }
        else
        {
            new DrawingEmitter(plan).WriteTo(writer); // streamed: a big graph is never held as a model
        }
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

    internal static DotRecord Record(Value value, DrawingOptions options, bool leftToRight, string? shownLabel = null)
    {
        shownLabel ??= value.Label;
        bool label = options.Fields.HasFlag(ValueFields.Label) && shownLabel is not null;
        bool data = options.Fields.HasFlag(ValueFields.Data);
        bool grad = options.Fields.HasFlag(ValueFields.Grad);
        var fields = new DotRecordField[Math.Max(1, (label ? 1 : 0) + (data ? 1 : 0) + (grad ? 1 : 0))];
        int n = 0;
        if (label)
        {
            fields[n++] = DotRecordField.FromText(shownLabel!);
        }

        if (data)
        {
            fields[n++] = DotRecordField.FromText(NumberText.Field("data ", value.Data, options.Precision, options.RoundTrip));
        }

        if (grad)
        {
            fields[n++] = DotRecordField.FromText(NumberText.Field("grad ", value.Grad, options.Precision, options.RoundTrip));
        }

        if (n == 0)
        {
            fields[0] = DotRecordField.FromText(string.Empty);
        }

        // In LR layouts a top-level record is a column; braces flip it back into a row.
        return leftToRight ? new DotRecord([DotRecordField.FromOwnedGroup(fields)], owned: true) : new DotRecord(fields, owned: true);
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

    /// <summary>
    /// The mark of an operand's place on its edge into the operator: a small number by the operator
    /// (Graphviz <c>headlabel</c>), 1 for the left operand and 2 for the right.
    /// </summary>
    internal static void MarkOperand(DotAttributes attributes, int place)
    {
        attributes.Set("headlabel", place == 1 ? "1" : "2");
        attributes.Set("labelfontsize", "10");
        attributes.Set("labeldistance", "1.5");
    }

    internal static NodeStyle RoleStyle(Value value, Value root, DrawingOptions options) =>
        ReferenceEquals(value, root) ? options.OutputStyle
        : value.IsConstant ? options.ConstantStyle
        : value.IsLeaf ? options.LeafStyle
        : options.IntermediateStyle;

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
