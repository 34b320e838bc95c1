using System.Globalization;

namespace MicroGrad.Viz.Dot;

/// <summary>
/// An attribute value: plain text (escaped when written), an HTML-like label, or a record label.
/// Text converts implicitly from <see cref="string"/>.
/// </summary>
public readonly struct DotValue : IEquatable<DotValue>
{
    private DotValue(DotValueKind kind, string? text, DotRecord? record)
    {
        Kind = kind;
        Text = text;
        Record = record;
    }

    /// <summary>What kind of value this is.</summary>
    public DotValueKind Kind { get; }

    /// <summary>The text of a <see cref="DotValueKind.Text"/> or <see cref="DotValueKind.Html"/> value.</summary>
    public string? Text { get; }

    /// <summary>The record of a <see cref="DotValueKind.Record"/> value.</summary>
    public DotRecord? Record { get; }

    /// <summary>Plain text, written bare when it is a simple identifier and quoted and escaped otherwise.</summary>
    /// <param name="text">Any text.</param>
    public static implicit operator DotValue(string text) => FromText(text);

    /// <inheritdoc cref="op_Implicit(string)"/>
    /// <returns>The value.</returns>
    public static DotValue FromText(string text) =>
        new(DotValueKind.Text, text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <summary>A number in invariant culture, shortest round-trip form (<c>2</c>, <c>0.5</c>).</summary>
    /// <param name="number">A finite number.</param>
    /// <returns>The value.</returns>
    public static DotValue FromNumber(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "DOT attribute numbers must be finite.");
        }

        return FromText(number.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// An HTML-like label, written between <c>&lt;</c> and <c>&gt;</c> as it is. Escape user text
    /// inside it with <see cref="DotEscaping.Html"/>.
    /// </summary>
    /// <param name="html">Well-formed HTML-like markup.</param>
    /// <returns>The value.</returns>
    public static DotValue FromHtml(string html) =>
        new(DotValueKind.Html, html ?? throw new ArgumentNullException(nameof(html)), null);

    /// <summary>A record label (for nodes with <c>shape=record</c>); its field texts are escaped when written.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The value.</returns>
    public static DotValue FromRecord(DotRecord record) =>
        new(DotValueKind.Record, null, record ?? throw new ArgumentNullException(nameof(record)));

    /// <summary>Compares kind and content.</summary>
    public static bool operator ==(DotValue left, DotValue right) => left.Equals(right);

    /// <summary>Compares kind and content.</summary>
    public static bool operator !=(DotValue left, DotValue right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(DotValue other) =>
        Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal) && Equals(Record, other.Record);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DotValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Text, Record);

    /// <summary>The value as DOT writes it.</summary>
    /// <returns>DOT text.</returns>
    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var dot = new DotWriter(writer, bufferSize: 256);
        dot.WriteValue(this);
        dot.Flush();
        return writer.ToString();
    }
}
