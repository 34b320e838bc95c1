using System.Text;

namespace MicroGrad.Viz.Dot;

/// <summary>
/// Streams one quoted DOT string, escaping text as it goes and splitting it into
/// <c>"…" + "…"</c> pieces of at most <see cref="DotEscaping.MaxQuotedChunkLength"/> characters.
/// Splits fall between escaped characters, never inside an escape or a surrogate pair.
/// </summary>
internal struct QuotedWriter
{
    private readonly DotOutput _writer;
    private StringBuilder? _atom;
    private int _chunkLength;

    public QuotedWriter(DotOutput writer)
    {
        _writer = writer;
        _atom = null;
        _chunkLength = 0;
        writer.Write('"');
    }

    /// <summary>Writes markup (record braces and bars) unescaped.</summary>
    public void Raw(string markup)
    {
        Split(markup.Length);
        _writer.Write(markup);
        _chunkLength += markup.Length;
    }

    /// <summary>Writes user text, escaped for a plain label or for a record field.</summary>
    public void Text(string text, bool record)
    {
        // Fast path: most text ("data 2.0000") has nothing to escape and fits in the current piece.
        if (_chunkLength + text.Length <= DotEscaping.MaxQuotedChunkLength && !DotEscaping.NeedsEscaping(text, record))
        {
            _writer.Write(text);
            _chunkLength += text.Length;
            return;
        }

        _atom ??= new StringBuilder(8);
        for (int i = 0; i < text.Length;)
        {
            _atom.Clear();
            i += DotEscaping.AppendAtom(_atom, text, i, record);
            Split(_atom.Length);
            _writer.Write(_atom);
            _chunkLength += _atom.Length;
        }
    }

    /// <inheritdoc cref="Text(string, bool)"/>
    public void Text(ReadOnlySpan<char> text, bool record)
    {
        if (_chunkLength + text.Length <= DotEscaping.MaxQuotedChunkLength && !DotEscaping.NeedsEscaping(text, record))
        {
            _writer.Write(text);
            _chunkLength += text.Length;
            return;
        }

        Text(new string(text), record); // rare: text to escape, or a split
    }

    /// <summary>
    /// Writes text known to need no escaping (such as a formatted number), splitting it exactly
    /// where <see cref="Text(ReadOnlySpan{char}, bool)"/> would: between any two characters.
    /// </summary>
    public void Plain(ReadOnlySpan<char> text)
    {
        if (_chunkLength + text.Length <= DotEscaping.MaxQuotedChunkLength)
        {
            _writer.Write(text);
            _chunkLength += text.Length;
            return;
        }

        foreach (char c in text)
        {
            Split(1);
            _writer.Write(c);
            _chunkLength++;
        }
    }

    public readonly void End() => _writer.Write('"');

    private void Split(int next)
    {
        if (_chunkLength > 0 && _chunkLength + next > DotEscaping.MaxQuotedChunkLength)
        {
            _writer.Write("\" + \"");
            _chunkLength = 0;
        }
    }
}
