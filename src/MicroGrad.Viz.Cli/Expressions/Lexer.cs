using System.Globalization;

namespace MicroGrad.Viz.Cli.Expressions;

/// <summary>Splits a program into tokens. <c>#</c> starts a comment; <c>;</c> and new lines separate statements.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        int line = 1, lineStart = 0, i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            int column = i - lineStart + 1;
            if (c == '\n')
            {
                tokens.Add(new Token(TokenKind.Separator, "\n", new SourceSpan(line, column, 1)));
                i++;
                line++;
                lineStart = i;
                continue;
            }

            if (c is ' ' or '\t' or '\r')
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                int start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] is '.' or '_'
                    || (source[i] is '+' or '-' && source[i - 1] is 'e' or 'E' && IsNumberStart(source, start))))
                {
                    i++;
                }

                string text = source[start..i];
                var span = new SourceSpan(line, column, text.Length);
                if (!double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double number))
                {
                    throw new ExpressionException($"'{text}' is not a number (write numbers like 2, -0.5, 1e-3)", span);
                }

                if (!double.IsFinite(number))
                {
                    throw new ExpressionException($"the number '{text}' is too large", span);
                }

                tokens.Add(new Token(TokenKind.Number, text, span, number));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, source[start..i], new SourceSpan(line, column, i - start)));
                continue;
            }

            (TokenKind kind, string symbol) = c switch
            {
                '+' => (TokenKind.Plus, "+"),
                '-' => (TokenKind.Minus, "-"),
                '*' when i + 1 < source.Length && source[i + 1] == '*' => (TokenKind.Power, "**"),
                '*' => (TokenKind.Star, "*"),
                '/' => (TokenKind.Slash, "/"),
                '(' => (TokenKind.LeftParen, "("),
                ')' => (TokenKind.RightParen, ")"),
                ',' => (TokenKind.Comma, ","),
                '=' => (TokenKind.Assign, "="),
                ';' => (TokenKind.Separator, ";"),
                _ => throw new ExpressionException($"unexpected character {Shown(source, i)}", new SourceSpan(line, column, 1)),
            };
            tokens.Add(new Token(kind, symbol, new SourceSpan(line, column, symbol.Length)));
            i += symbol.Length;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, new SourceSpan(line, i - lineStart + 1, 1)));
        return tokens;
    }

    /// <summary>A sign belongs to a number only right after its exponent marker, e.g. <c>1e-3</c>.</summary>
    private static bool IsNumberStart(string source, int start)
    {
        // The token so far must be digits and dots before the 'e': "12.5e-" but not "2e" as in a name.
        for (int j = start; j < source.Length; j++)
        {
            if (source[j] is 'e' or 'E')
            {
                return true;
            }

            if (!char.IsAsciiDigit(source[j]) && source[j] != '.')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A character as a message can show it: quoted, or as U+XXXX when it is invisible or half a surrogate pair.</summary>
    private static string Shown(string source, int index)
    {
        if (char.IsSurrogatePair(source, index))
        {
            return $"'{source.Substring(index, 2)}'";
        }

        char c = source[index];
        return char.IsSurrogate(c) || char.IsControl(c) || char.IsWhiteSpace(c)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : $"'{c}'";
    }
}
