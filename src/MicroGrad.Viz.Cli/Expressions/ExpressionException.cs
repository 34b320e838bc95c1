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

    /// <summary>The message, the line it is on and a caret under the offending text.</summary>
    public string Describe(string source)
    {
        if (Span is not { } span)
        {
            return Message;
        }

        string[] lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var text = new StringBuilder()
            .Append("line ").Append(span.Line).Append(", column ").Append(span.Column).Append(": ").Append(Message);
        if (span.Line >= 1 && span.Line <= lines.Length)
        {
            string line = lines[span.Line - 1].Replace('\t', ' ');
            text.Append('\n').Append("  ").Append(line).Append('\n')
                .Append("  ").Append(' ', Math.Max(0, span.Column - 1)).Append('^', Math.Max(1, span.Length));
        }

        return text.ToString();
    }
}
