using System.Globalization;
using System.Text;

namespace MicroGrad.Viz.Dot;

/// <summary>
/// The characters <see cref="DotWriter"/> writes, gathered in a buffer and handed to the
/// <see cref="TextWriter"/> in large blocks: a big drawing is tens of pieces of text per value,
/// and each call on a <see cref="TextWriter"/> is a virtual call with checks of its own.
/// </summary>
internal sealed class DotOutput(TextWriter target, int capacity = 8192)
{
    private char[] _buffer = new char[capacity];
    private int _used;

    public void Write(char c)
    {
        if (_used == _buffer.Length)
        {
            Flush();
        }

        _buffer[_used++] = c;
    }

    public void Write(string text) => Write(text.AsSpan());

    public void Write(ReadOnlySpan<char> text)
    {
        if (text.Length > _buffer.Length - _used)
        {
            Flush();
            if (text.Length > _buffer.Length)
            {
                target.Write(text);
                return;
            }
        }

        if (text.Length <= 8)
        {
            // Most pieces are a few characters (a bar, a quote, "];\n"): a loop beats a block copy's call.
            var buffer = _buffer;
            for (int i = 0; i < text.Length; i++)
            {
                buffer[_used + i] = text[i];
            }
        }
        else
        {
            text.CopyTo(_buffer.AsSpan(_used));
        }

        _used += text.Length;
    }

    public void Write(StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            Write(chunk.Span);
        }
    }

    /// <summary>A non-negative number in invariant digits.</summary>
    public void Write(int number)
    {
        if (_buffer.Length - _used < 11)
        {
            Flush();
        }

        number.TryFormat(_buffer.AsSpan(_used), out int written, provider: CultureInfo.InvariantCulture);
        _used += written;
    }

    /// <summary>Room for at least <paramref name="length"/> more characters, to fill and then <see cref="Advance"/> past.</summary>
    public Span<char> Reserve(int length)
    {
        if (_buffer.Length - _used < length)
        {
            Flush();
            if (length > _buffer.Length)
            {
                // A line longer than the buffer (a long label or colour) gets a buffer that holds it.
                _buffer = new char[length];
            }
        }

        return _buffer.AsSpan(_used);
    }

    /// <summary>Keeps <paramref name="length"/> characters written into the last <see cref="Reserve"/>.</summary>
    public void Advance(int length) => _used += length;

    /// <summary>Hands what is buffered to the <see cref="TextWriter"/> (which is not flushed itself).</summary>
    public void Flush()
    {
        if (_used > 0)
        {
            target.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}
