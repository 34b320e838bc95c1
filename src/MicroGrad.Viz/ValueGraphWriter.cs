using System.Globalization;
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

        var order = root.TopologicalOrder();
        var graph = new DotGraph();
        bool leftToRight = options.Direction == RankDirection.LeftToRight;
        graph.GraphAttributes.Set("rankdir", leftToRight ? "LR" : "TB");
        graph.GraphAttributes.Set("fontname", options.FontName);
        if (options.Title is not null)
        {
            graph.GraphAttributes.Set("label", options.Title);
            graph.GraphAttributes.Set("labelloc", "t");
        }

        graph.NodeDefaults.Set("shape", "record");
        graph.NodeDefaults.Set("fontname", options.FontName);
        graph.EdgeDefaults.Set("fontname", options.FontName);

        double gradientScale = options.ColorByGradient ? GradientPalette.Scale(order.Select(v => v.Grad)) : 0;

        // Lookup only (never iterated), so identity hashing cannot affect the output order.
        var ids = new Dictionary<Value, string>(order.Count, ReferenceEqualityComparer.Instance);
        int next = 0;
        foreach (var value in order)
        {
            if (IsFolded(value, root, options))
            {
                continue;
            }

            string id = "v" + next++.ToString(CultureInfo.InvariantCulture);
            ids.Add(value, id);

            var node = graph.AddNode(id);
            node.Attributes.Set("label", DotValue.FromRecord(Record(value, options, leftToRight)));
            if (options.ColorByGradient)
            {
                ApplyGradientStyle(node.Attributes, value.Grad, gradientScale, ReferenceEquals(value, root));
            }
            else
            {
                ApplyStyle(node.Attributes, RoleStyle(value, root, options));
            }

            if (value.IsLeaf)
            {
                continue;
            }

            string opId = id + "_op";
            var op = graph.AddNode(opId);
            op.Attributes.Set("label", OperatorLabel(value, root, options));
            op.Attributes.Set("shape", "ellipse");
            ApplyStyle(op.Attributes, options.OperatorStyle);

            foreach (var input in value.Inputs)
            {
                if (ids.TryGetValue(input, out var inputId))
                {
                    graph.AddEdge(inputId, opId);
                }
            }

            graph.AddEdge(opId, id);
        }

        return graph;
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

    private static bool IsFolded(Value value, Value root, DrawingOptions options) =>
        options.FoldConstants && value.IsConstant && value.Label is null && !ReferenceEquals(value, root);

    private static DotRecord Record(Value value, DrawingOptions options, bool leftToRight)
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

    private static string OperatorLabel(Value value, Value root, DrawingOptions options)
    {
        var inputs = value.Inputs;
        bool foldFirst = inputs.Count > 0 && IsFolded(inputs[0], root, options);
        bool foldSecond = inputs.Count > 1 && IsFolded(inputs[1], root, options);
        if (!foldFirst && !foldSecond)
        {
            return value.Op;
        }

        if (inputs.Count == 1)
        {
            return value.Op + " " + NumberText.Constant(inputs[0].Data);
        }

        string left = foldFirst ? NumberText.Constant(inputs[0].Data) + " " : string.Empty;
        string right = foldSecond ? " " + NumberText.Constant(inputs[1].Data) : string.Empty;
        return left + value.Op + right;
    }

    private static NodeStyle RoleStyle(Value value, Value root, DrawingOptions options) =>
        ReferenceEquals(value, root) ? options.OutputStyle
        : value.IsConstant ? options.ConstantStyle
        : value.IsLeaf ? options.LeafStyle
        : options.IntermediateStyle;

    private static void ApplyStyle(DotAttributes attributes, NodeStyle style)
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

    private static void ApplyGradientStyle(DotAttributes attributes, double gradient, double scale, bool isRoot)
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
