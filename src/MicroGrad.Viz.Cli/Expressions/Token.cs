namespace MicroGrad.Viz.Cli.Expressions;

internal enum TokenKind
{
    Number,
    Name,
    Plus,
    Minus,
    Star,
    Slash,
    Power,
    LeftParen,
    RightParen,
    Comma,
    Assign,
    Separator,
    End,
}

/// <summary>One token: its kind, its text as written, and where it stands.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span, double Number = 0)
{
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the program",
        TokenKind.Separator => Text == ";" ? "';'" : "the end of the line",
        _ => $"'{Text}'",
    };
}
