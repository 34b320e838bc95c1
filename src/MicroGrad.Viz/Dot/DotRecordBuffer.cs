namespace MicroGrad.Viz.Dot;

/// <summary>
/// A record label being composed, field by field, in one reused buffer: the label of each of a big
/// drawing's value nodes without a string per field. <see cref="DotWriter"/> writes it;
/// <see cref="ToRecord"/> gives the same label as a <see cref="DotRecord"/> for the model.
/// </summary>
internal sealed class DotRecordBuffer
{
    private char[] _chars = new char[256];
    private int _length;
    // Where each field starts and ends, and whether it is known plain; plain arrays, not a list of
    // tuples, so a first drawing JITs no generic list for them.
    private int[] _ends = new int[4];
    private bool[] _plain = new bool[4];

    /// <summary>Whether the fields sit in one group (<c>{a|b}</c>): a row in left-to-right layouts.</summary>
    public bool Grouped { get; private set; }

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            int start = index == 0 ? 0 : _ends[index - 1];
            return _chars.AsSpan(start, _ends[index] - start);
        }
    }

    /// <summary>Starts a new label.</summary>
    public void Clear(bool grouped)
    {
        Grouped = grouped;
        _length = 0;
        Count = 0;
    }

    /// <summary>Adds a field of text (escaped when written).</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        text.CopyTo(Reserve(text.Length));
        Commit(text.Length, plain: false);
    }

    /// <summary>Room for a field of at most <paramref name="length"/> characters, to fill and then <see cref="Commit"/>.</summary>
    public Span<char> Reserve(int length)
    {
        if (_length + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + length));
        }

        return _chars.AsSpan(_length, length);
    }

    /// <summary>
    /// Adds the field of <paramref name="length"/> characters written into the last <see cref="Reserve"/>;
    /// <paramref name="plain"/> when it is known to need no escaping (a formatted number), so the check is skipped.
    /// </summary>
    public void Commit(int length, bool plain)
    {
        if (Count == _ends.Length)
        {
            Array.Resize(ref _ends, Count * 2);
            Array.Resize(ref _plain, Count * 2);
        }

        _length += length;
        _ends[Count] = _length;
        _plain[Count++] = plain;
    }

    /// <summary>Whether field <paramref name="index"/> was committed as needing no escaping.</summary>
    public bool IsPlain(int index) => _plain[index];

    /// <summary>The label as a model record.</summary>
    public DotRecord ToRecord()
    {
        var fields = new DotRecordField[Count];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = DotRecordField.FromText(new string(this[i]));
        }

        return Grouped ? new DotRecord([DotRecordField.FromOwnedGroup(fields)], owned: true) : new DotRecord(fields, owned: true);
    }
}
