using System.Text;

namespace MicroGrad.Viz.Dot;

/// <summary>
/// Escaping for every context DOT text appears in. All DOT that MicroGrad.Viz writes goes through
/// these functions, so a label can hold anything a user types.
/// </summary>
public static class DotEscaping
{
    /// <summary>
    /// Quoted strings are split into <c>"…" + "…"</c> pieces of at most this many characters,
    /// because Graphviz 2.43 rejects a single quoted string longer than 16 KiB.
    /// </summary>
    internal const int MaxQuotedChunkLength = 4096;

    private static readonly string[] Keywords = ["node", "edge", "graph", "digraph", "subgraph", "strict"];

    /// <summary>
    /// Whether <paramref name="id"/> can be written bare: ASCII letters, digits and underscores,
    /// not starting with a digit, not a DOT keyword (case-insensitive), and at most
    /// <see cref="MaxQuotedChunkLength"/> characters.
    /// </summary>
    /// <param name="id">The identifier.</param>
    /// <returns><see langword="true"/> when no quotes are needed.</returns>
    public static bool IsBareId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);

        // Longer ids are quoted, so they are split like any other long string: Graphviz rejects a
        // single token of 16 KiB or more.
        if (id.Length == 0 || id.Length > MaxQuotedChunkLength || char.IsAsciiDigit(id[0]))
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        // Keywords are 4 to 8 letters long; ids like v12 or v12_op never need the comparisons.
        if (id.Length is < 4 or > 8)
        {
            return true;
        }

        foreach (var keyword in Keywords)
        {
            if (string.Equals(id, keyword, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats an identifier: bare when <see cref="IsBareId"/> allows it, quoted otherwise.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>DOT text for the identifier.</returns>
    public static string Id(string id) => IsBareId(id) ? id : Quoted(id);

    /// <summary>
    /// Formats text as a quoted DOT string whose label shows the text literally: backslashes and
    /// quotes escaped, <c>&amp;</c> as <c>&amp;amp;</c> (Graphviz decodes entities such as
    /// <c>&amp;lt;</c> in labels), newlines as <c>\n</c>, carriage returns dropped, long text split
    /// into concatenated pieces. Characters XML 1.0 forbids, which would make Graphviz's SVG
    /// ill-formed, get visible stand-ins: control characters their Unicode control pictures
    /// (U+2400…), lone surrogates and U+FFFE/U+FFFF the replacement character U+FFFD.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>DOT text, including the quotes.</returns>
    public static string Quoted(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var output = new DotOutput(writer, Math.Min(text.Length + 16, 8192));
        var quoted = new QuotedWriter(output);
        quoted.Text(text, record: false);
        quoted.End();
        output.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Escapes text for one field of a record label (without quotes): additionally escapes
    /// <c>{ } | &lt; &gt;</c>, so the text neither breaks the record nor adds fields, and turns the
    /// spaces Graphviz would drop (leading, trailing, runs) and tabs into no-break spaces.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>The escaped field text, to be placed inside a quoted string.</returns>
    public static string RecordField(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            i += AppendAtom(builder, text, i, record: true) - 1;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Escapes text for the inside of an HTML-like label: <c>&amp; &lt; &gt; " '</c> as entities,
    /// newlines as <c>&lt;br/&gt;</c>.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>The escaped text.</returns>
    public static string Html(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (TryAppendEntity(builder, c))
            {
                continue;
            }

            switch (c)
            {
                case '\'': builder.Append("&#39;"); break;
                case '\n': builder.Append("<br/>"); break;
                case '\r': break;
                default:
                    i += AppendSafeChar(builder, text, i) - 1;
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends the XML entity for <c>&amp; &lt; &gt; "</c>; false for any other character.</summary>
    private static bool TryAppendEntity(StringBuilder builder, char c)
    {
        string? entity = c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", _ => null };
        if (entity is null)
        {
            return false;
        }

        builder.Append(entity);
        return true;
    }

    /// <summary>Whether <see cref="AppendAtom"/> would change any character of <paramref name="text"/>.</summary>
    internal static bool NeedsEscaping(ReadOnlySpan<char> text, bool record)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < ' ' || c is '\\' or '"' or '&' or '\u007F' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                return true;
            }

            if (record && (c is '{' or '}' or '|' or '<' or '>' || (c == ' ' && SpaceMatters(text, i))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Appends the escaped form of the character (or surrogate pair) at <paramref name="index"/>.
    /// </summary>
    /// <returns>How many chars of <paramref name="text"/> were consumed (1 or 2).</returns>
    internal static int AppendAtom(StringBuilder builder, string text, int index, bool record)
    {
        char c = text[index];
        switch (c)
        {
            case '\\': builder.Append(@"\\"); return 1;
            case '"': builder.Append("\\\""); return 1;
            case '&': builder.Append("&amp;"); return 1;
            case '\n': builder.Append(@"\n"); return 1;
            case '\r': return 1;
            case ' ' or '\t' when record: builder.Append(SpaceMatters(text, index) ? '\u00A0' : ' '); return 1;
            case '\t': builder.Append(' '); return 1;
            case '{' or '}' or '|' or '<' or '>' when record: builder.Append('\\').Append(c); return 1;
            default: return AppendSafeChar(builder, text, index);
        }
    }

    /// <summary>
    /// Records drop spaces at the ends of a field and collapse runs of them, and Graphviz drops even
    /// escaped spaces (<c>\ </c>) at the start of a field. Those spaces become no-break spaces
    /// (U+00A0), which survive and look the same; single spaces inside text stay plain, so
    /// ordinary text like <c>data 2.0000</c> stays readable in the DOT.
    /// </summary>
    private static bool SpaceMatters(ReadOnlySpan<char> text, int index) =>
        index == 0 || index == text.Length - 1 || char.IsWhiteSpace(text[index - 1]) || char.IsWhiteSpace(text[index + 1]);

    /// <summary>
    /// Appends a character that needs no escaping, replacing what Graphviz cannot show or XML forbids:
    /// other control characters become their Unicode control pictures (U+2400…), lone surrogates and
    /// the non-characters U+FFFE and U+FFFF the replacement character U+FFFD.
    /// </summary>
    private static int AppendSafeChar(StringBuilder builder, string text, int index)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            builder.Append(c).Append(text[index + 1]);
            return 2;
        }

        if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
        {
            builder.Append('\uFFFD');
        }
        else if (c < ' ')
        {
            builder.Append((char)(0x2400 + c));
        }
        else if (c == '\u007F')
        {
            builder.Append('\u2421');
        }
        else
        {
            builder.Append(c);
        }

        return 1;
    }
}
