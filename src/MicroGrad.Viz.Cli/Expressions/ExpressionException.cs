using System.Text;

namespace MicroGrad.Viz.Cli.Expressions;

/// <summary>A mistake in a program or its inputs, with where it is when it has a place in the source.</summary>
internal sealed class ExpressionException : Exception
{
    public ExpressionException(string message, SourceSpan? span = null)
        : base(message)
    {
        Span = span;
    }

    public SourceSpan? Span { get; }

    /// <summary>The program the span points into; set by <see cref="ExpressionProgram.Create"/>.</summary>
    public string? SourceText { get; set; }

    /// <summary>The message, with the source line and a caret when the mistake has a place in the program.</summary>
    public string Describe() => SourceText is null ? Message : Describe(SourceText);

    /// <summary>How much of the source line is shown on each side of the caret: a mistake in a 10 MB line prints a window, not the line.</summary>
    public const int Context = 60;

    /// <summary>The message, the line it is on and a caret under the offending text.</summary>
    public string Describe(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Span is not { } span)
        {
            return Message;
        }

        var text = new StringBuilder()
            .Append("line ").Append(span.Line).Append(", column ").Append(span.Column).Append(": ").Append(Message);
        if (LineAt(source, span.Line) is { } line)
        {
            // A window of the line around the caret, marked with … where it is cut.
            int caret = Math.Clamp(span.Column - 1, 0, line.Length);
            int start = Math.Max(0, caret - Context);
            int end = Math.Min(line.Length, caret + Math.Max(1, span.Length) + Context);
            string prefix = start > 0 ? "…" : string.Empty;
            string shown = prefix + line[start..end].Replace('\t', ' ') + (end < line.Length ? "…" : string.Empty);
            int marks = Math.Clamp(span.Length, 1, Math.Max(1, end - caret));
            text.Append('\n').Append("  ").Append(shown).Append('\n')
                .Append("  ").Append(' ', prefix.Length + caret - start).Append('^', marks);
        }

        return text.ToString();
    }

    /// <summary>Line <paramref name="number"/> (1-based) without its line break, or null; no copy of the rest of the source.</summary>
    private static string? LineAt(string source, int number)
    {
        int start = 0;
        for (int line = 1; line < number; line++)
        {
            int next = source.IndexOf('\n', start);
            if (next < 0)
            {
                return null;
            }

            start = next + 1;
        }

        int end = source.IndexOf('\n', start);
        string text = end < 0 ? source[start..] : source[start..end];
        return number >= 1 ? text.TrimEnd('\r') : null;
    }
}
