using System.Text;

namespace MicroGrad.Viz.Tests.Dot;

/// <summary>
/// An independent model of how Graphviz reads a quoted string and a record field (its lexer,
/// <c>parse_reclbl</c> and label escapes), used to check that our escaping round-trips.
/// </summary>
internal static class GraphvizRecordReader
{
    /// <summary>Reads a whole quoted DOT string (with its quotes, possibly concatenated with +).</summary>
    public static string ReadQuoted(string quoted) => Label(Entities(Lex(quoted)));

    /// <summary>
    /// Reads one record field's escaped text, as it stands between quotes. No-break spaces read back
    /// as spaces: they are how spaces that Graphviz would drop are kept.
    /// </summary>
    public static string ReadField(string escaped)
    {
        string lexed = Lex("\"" + escaped + "\"");
        var chars = new List<(char C, bool Soft)>();
        for (int i = 0; i < lexed.Length; i++)
        {
            char c = lexed[i];
            if (c == '\\' && i + 1 < lexed.Length)
            {
                char next = lexed[i + 1];
                if (next is '{' or '}' or '|' or '<' or '>')
                {
                    chars.Add((next, false));
                    i++;
                    continue;
                }

                if (next == ' ')
                {
                    chars.Add((' ', false));
                    i++;
                    continue;
                }

                chars.Add(('\\', false));
                chars.Add((next, false));
                i++;
                continue;
            }

            Assert.False(c is '{' or '}' or '|' or '<' or '>', $"unescaped record character '{c}' in {escaped}");
            chars.Add((c, c == ' '));
        }

        // Unescaped spaces are separators: dropped at the ends of the field and after another space.
        var kept = new StringBuilder();
        for (int i = 0; i < chars.Count; i++)
        {
            if (chars[i].Soft && (i == 0 || i == chars.Count - 1 || (kept.Length > 0 && kept[^1] == ' ')))
            {
                continue;
            }

            kept.Append(chars[i].C);
        }

        return Label(Entities(kept.ToString())).Replace('\u00A0', ' ');
    }

    /// <summary>
    /// Graphviz decodes HTML entities in every label before its escapes (<c>htmlEntityUTF8</c> in
    /// <c>make_label</c>): <c>&amp;name;</c>, <c>&amp;#N;</c> and <c>&amp;#xN;</c>. The names here are
    /// the ones the tests generate.
    /// </summary>
    private static string Entities(string text)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["amp"] = "&", ["lt"] = "<", ["gt"] = ">", ["quot"] = "\"", ["apos"] = "'", ["alpha"] = "α",
        };
        var shown = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            int end = text[i] == '&' ? text.IndexOf(';', i + 1) : -1;
            if (end > i + 1 && end - i <= 10)
            {
                string name = text[(i + 1)..end];
                if (named.TryGetValue(name, out var value))
                {
                    shown.Append(value);
                    i = end;
                    continue;
                }

                if (name.StartsWith('#') && (name.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
                    ? int.TryParse(name[2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out int code)
                    : int.TryParse(name[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out code)) && code is > 0 and < 0x110000)
                {
                    shown.Append(char.ConvertFromUtf32(code is >= 0xD800 and <= 0xDFFF ? 0xFFFD : code));
                    i = end;
                    continue;
                }
            }

            shown.Append(text[i]);
        }

        return shown.ToString();
    }

    /// <summary>The DOT lexer: strips quotes, joins "a" + "b", turns \" into ". Other backslashes stay.</summary>
    private static string Lex(string quoted)
    {
        var text = new StringBuilder();
        int i = 0;
        while (true)
        {
            Assert.Equal('"', quoted[i]);
            i++;
            while (quoted[i] != '"')
            {
                if (quoted[i] == '\\' && quoted[i + 1] == '"')
                {
                    text.Append('"');
                    i += 2;
                    continue;
                }

                if (quoted[i] == '\\')
                {
                    text.Append('\\').Append(quoted[i + 1]);
                    i += 2;
                    continue;
                }

                text.Append(quoted[i++]);
            }

            i++;
            if (i == quoted.Length)
            {
                return text.ToString();
            }

            Assert.Equal(" + ", quoted.Substring(i, 3));
            i += 3;
        }
    }

    /// <summary>Label escapes: \n \l \r are line breaks, \\ is a backslash, \x is x.</summary>
    private static string Label(string text)
    {
        var shown = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                char next = text[++i];
                shown.Append(next is 'n' or 'l' or 'r' ? '\n' : next);
                continue;
            }

            Assert.NotEqual('\\', text[i]);
            shown.Append(text[i]);
        }

        return shown.ToString();
    }
}
