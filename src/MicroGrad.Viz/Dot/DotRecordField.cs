namespace MicroGrad.Viz.Dot;

/// <summary>One field of a <see cref="DotRecord"/>: text with an optional port, or a nested record.</summary>
public sealed record DotRecordField
{
    private DotRecordField(string? text, string? port, DotRecord? group)
    {
        Text = text;
        Port = port;
        Group = group;
    }

    /// <summary>The field's text, or <see langword="null"/> for a nested record.</summary>
    public string? Text { get; }

    /// <summary>The field's port name (edges can attach to <c>node:port</c>), if any.</summary>
    public string? Port { get; }

    /// <summary>The nested record, or <see langword="null"/> for a text field.</summary>
    public DotRecord? Group { get; }

    /// <summary>A text field; the text is escaped when written, so it may contain anything.</summary>
    /// <param name="text">The text shown.</param>
    /// <param name="port">An optional port name.</param>
    /// <returns>The field.</returns>
    public static DotRecordField FromText(string text, string? port = null) =>
        new(text ?? throw new ArgumentNullException(nameof(text)), port, null);

    /// <summary>A nested record, drawn in the other direction from its parent.</summary>
    /// <param name="fields">The nested fields.</param>
    /// <returns>The field.</returns>
    public static DotRecordField FromGroup(params IReadOnlyList<DotRecordField> fields) => new(null, null, new DotRecord(fields));

    /// <summary>A nested record over an array nobody else holds (no copy).</summary>
    internal static DotRecordField FromOwnedGroup(DotRecordField[] fields) => new(null, null, new DotRecord(fields, owned: true));
}
