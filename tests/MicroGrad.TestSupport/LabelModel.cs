using System.Text;

namespace MicroGrad.TestSupport;

/// <summary>
/// What a label must show once drawn, written from the documented rules rather than from the
/// escaping code: the text itself (entities and all), CR dropped, tab as a space, control
/// characters as their Unicode control pictures, lone surrogates and U+FFFE/U+FFFF as U+FFFD.
/// </summary>
internal static class LabelModel
{
    public static string Shown(string text)
    {
        var shown = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                shown.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                shown.Append('\uFFFD');
            }
            else if (c == '\r')
            {
                continue;
            }
            else if (c == '\t')
            {
                shown.Append(' ');
            }
            else if (c < ' ' && c != '\n')
            {
                shown.Append((char)(0x2400 + c));
            }
            else if (c == '\u007F')
            {
                shown.Append('\u2421');
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }
}
