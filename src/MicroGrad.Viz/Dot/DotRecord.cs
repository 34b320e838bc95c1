namespace MicroGrad.Viz.Dot;

/// <summary>
/// The label of a record-shaped node: fields separated by <c>|</c>, where a field is text (with an
/// optional port) or a nested record drawn in <c>{ }</c>, which flips its direction.
/// </summary>
public sealed record DotRecord
{
    /// <summary>Creates a record from its fields.</summary>
    /// <param name="fields">At least one field.</param>
    public DotRecord(params IReadOnlyList<DotRecordField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            throw new ArgumentException("A record needs at least one field.", nameof(fields));
        }

        Fields = [.. fields];
    }

    /// <summary>Takes ownership of an array nobody else holds, without copying it.</summary>
    internal DotRecord(DotRecordField[] fields, bool owned)
    {
        Fields = fields;
        _ = owned;
    }

    /// <summary>The fields, in drawing order.</summary>
    public IReadOnlyList<DotRecordField> Fields { get; }

    /// <inheritdoc/>
    public bool Equals(DotRecord? other) => other is not null && Fields.SequenceEqual(other.Fields);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var field in Fields)
        {
            hash.Add(field);
        }

        return hash.ToHashCode();
    }
}
