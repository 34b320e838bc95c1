using MicroGrad.Viz.Dot;

namespace MicroGrad.Viz;

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
public static class ValueGraphWriter
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
        return new ValueGraphBuilder(plan).Build();
    }

    /// <summary>Writes the DOT of the graph that ends in <paramref name="root"/> to <paramref name="writer"/>.</summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="writer">The destination; not closed.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    public static void Write(Value root, TextWriter writer, DrawingOptions? options = null) =>
        DotWriter.Write(ToDotGraph(root, options), writer);

    /// <summary>The DOT of the graph that ends in <paramref name="root"/>, as a string.</summary>
    /// <param name="root">The value to draw.</param>
    /// <param name="options">How to draw; <see cref="DrawingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>DOT text with <c>\n</c> line endings.</returns>
    public static string ToDot(Value root, DrawingOptions? options = null) => DotWriter.ToDot(ToDotGraph(root, options));

    internal static DotRecord Record(Value value, DrawingOptions options, bool leftToRight)
    {
        var fields = new List<DotRecordField>(3);
        if (options.Fields.HasFlag(ValueFields.Label) && value.Label is not null)
        {
            fields.Add(DotRecordField.FromText(value.Label));
        }

        if (options.Fields.HasFlag(ValueFields.Data))
        {
            fields.Add(DotRecordField.FromText("data " + NumberText.Format(value.Data, options.Precision, options.RoundTrip)));
        }

        if (options.Fields.HasFlag(ValueFields.Grad))
        {
            fields.Add(DotRecordField.FromText("grad " + NumberText.Format(value.Grad, options.Precision, options.RoundTrip)));
        }

        if (fields.Count == 0)
        {
            fields.Add(DotRecordField.FromText(string.Empty));
        }

        // In LR layouts a top-level record is a column; braces flip it back into a row.
        return leftToRight ? new DotRecord(DotRecordField.FromGroup(fields)) : new DotRecord(fields);
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
