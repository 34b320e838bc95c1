using System.Globalization;
using MicroGrad.Viz.Cli.Expressions;

namespace MicroGrad.Viz.Cli.Tests.Expressions;

public class ParserTests
{
    /// <summary>Fully parenthesised form of the single statement's expression.</summary>
    private static string Show(string source) => Show(Assert.Single(Parser.Parse(source)).Value);

    private static string Show(Expr expr) => expr switch
    {
        NumberExpr n => n.Number.ToString("R", CultureInfo.InvariantCulture),
        NameExpr n => n.Name,
        NegateExpr n => "-" + Show(n.Operand),
        BinaryExpr b => $"({Show(b.Left)} {Symbol(b.Op)} {Show(b.Right)})",
        CallExpr c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Show))})",
        _ => throw new InvalidOperationException(),
    };

    private static string Symbol(TokenKind op) => op switch
    {
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        _ => "**",
    };

    [Theory]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("a * b + c", "((a * b) + c)")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b / c", "((a / b) / c)")]
    [InlineData("a / b * c", "((a / b) * c)")]
    [InlineData("a ** b ** c", "(a ** (b ** c))")]
    [InlineData("-a ** 2", "-(a ** 2)")]
    [InlineData("a ** -b", "(a ** -b)")]
    [InlineData("2 * -3", "(2 * -3)")]
    [InlineData("--a", "--a")]
    [InlineData("+a", "a")]
    [InlineData("-(a + b) * c", "(-(a + b) * c)")]
    [InlineData("(a + b) * c", "((a + b) * c)")]
    [InlineData("a * b ** 2", "(a * (b ** 2))")]
    [InlineData("tanh(a + b) * 2", "(tanh((a + b)) * 2)")]
    [InlineData("pow(a, b + 1) - exp(log(c))", "(pow(a, (b + 1)) - exp(log(c)))")]
    [InlineData("relu(sigmoid(x))", "relu(sigmoid(x))")]
    public void Precedence_and_associativity(string source, string expected)
    {
        Assert.Equal(expected, Show(source));
    }

    [Theory]
    [InlineData("1e-3", 0.001)]
    [InlineData(".5", 0.5)]
    [InlineData("2.5E+2", 250.0)]
    [InlineData("007", 7.0)]
    [InlineData("1.", 1.0)]
    public void Numbers_are_read_in_invariant_culture_with_exponents(string source, double expected)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(expected, Assert.IsType<NumberExpr>(Assert.Single(Parser.Parse(source)).Value).Number);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Statements_split_on_semicolons_and_new_lines_and_comments_are_skipped()
    {
        var statements = Parser.Parse("a = 1 # the input\r\n\n b = a * 2; ; c = b + 1  # done");

        Assert.Equal(["a", "b", "c"], statements.Select(s => s.Name));
        Assert.Equal(new SourceSpan(3, 2, 1), statements[1].NameSpan);
    }

    [Fact]
    public void The_last_statement_may_be_a_bare_expression()
    {
        var statements = Parser.Parse("a = 2; a * 3");

        Assert.Null(statements[^1].Name);
    }

    [Theory]
    [InlineData("a = $", "unexpected character '$'", 1, 5)]
    [InlineData("a = b 😀", "unexpected character '😀'", 1, 7)]
    [InlineData("a = 1.2.3", "'1.2.3' is not a number (write numbers like 2, -0.5, 1e-3)", 1, 5)]
    [InlineData("a = 2x", "'2x' is not a number (write numbers like 2, -0.5, 1e-3)", 1, 5)]
    [InlineData("a = 1e999", "the number '1e999' is too large", 1, 5)]
    [InlineData("a = (b + c", "expected ')' to close the '(' at line 1, column 5, found the end of the program", 1, 11)]
    [InlineData("a = b *", "expected a number, a name or '(' but found the end of the program", 1, 8)]
    [InlineData("a = * b", "expected a number, a name or '(' but found '*'", 1, 5)]
    [InlineData("a = ;", "expected a number, a name or '(' but found ';'", 1, 5)]
    [InlineData("a = b\nc = ", "expected a number, a name or '(' but found the end of the program", 2, 5)]
    [InlineData("a = b c", "unexpected 'c' after the expression; separate statements with ';' or new lines", 1, 7)]
    [InlineData("a * 2; b = 3", "only the last statement may be a bare expression; give this one a name (name = ...)", 1, 1)]
    [InlineData("tanh = 2", "'tanh' is a function and cannot be assigned", 1, 1)]
    [InlineData("a + b = 3", "only a name can be assigned to", 1, 1)]
    [InlineData("a = foo(b)", "unknown function 'foo'; the functions are tanh, exp, log, relu, sigmoid, pow", 1, 5)]
    [InlineData("a = tanh(b, c)", "'tanh' takes 1 argument, got 2", 1, 5)]
    [InlineData("a = pow(b)", "'pow' takes 2 arguments, got 1", 1, 5)]
    [InlineData("a = exp()", "'exp' takes 1 argument, got 0", 1, 5)]
    [InlineData("a = pow(b, c", "expected ')' to close the '(' of pow at line 1, column 8, found the end of the program", 1, 13)]
    public void Syntax_errors_say_what_and_where(string source, string message, int line, int column)
    {
        var error = Assert.Throws<ExpressionException>(() => Parser.Parse(source));

        Assert.Equal(message, error.Message);
        Assert.Equal(line, error.Span!.Value.Line);
        Assert.Equal(column, error.Span!.Value.Column);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ;\n # only a comment\n")]
    public void An_empty_program_is_an_error(string source)
    {
        var error = Assert.Throws<ExpressionException>(() => Parser.Parse(source));

        Assert.Equal("the program is empty: write statements like 'L = a*b + c'", error.Message);
        Assert.Null(error.Span);
    }

    [Fact]
    public void Errors_show_the_line_with_a_caret_under_the_offending_text()
    {
        const string source = "a = 2\nb = foo(a) + 1";
        var error = Assert.Throws<ExpressionException>(() => Parser.Parse(source));

        Assert.Equal(
            "line 2, column 5: unknown function 'foo'; the functions are tanh, exp, log, relu, sigmoid, pow\n" +
            "  b = foo(a) + 1\n" +
            "      ^^^",
            error.Describe(source));
    }

    [Theory]
    [InlineData("x", "+x", 9_999, true)]
    [InlineData("x", "+x", 10_000, false)]
    [InlineData("(", "(", 9_999, true)]
    [InlineData("(", "(", 10_000, false)]
    [InlineData("-", "-", 9_998, true)]
    [InlineData("-", "-", 9_999, false)]
    public void Expressions_are_bounded_at_ten_thousand_levels(string first, string repeated, int count, bool accepted)
    {
        // A sum of count + 1 terms is count + 1 levels deep (the terms are one level); count + 1
        // parentheses nest count + 1 times around x; count + 1 minuses and x are count + 2 levels.
        string body = first + string.Concat(Enumerable.Repeat(repeated, count));
        string source = "y = " + body + (first == "(" ? "x" + new string(')', count + 1) : first == "-" ? "x" : string.Empty);

        // mgviz parses on a thread with a stack sized for the bound (a test thread's is smaller).
        if (accepted)
        {
            Assert.Single(DeepStack.Run(() => Parser.Parse(source)));
        }
        else
        {
            var error = Assert.Throws<ExpressionException>(() => DeepStack.Run(() => Parser.Parse(source)));
            Assert.Contains("more than 10,000 levels deep", error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.Span);
        }
    }

    [Fact]
    public void Unprintable_characters_are_named_by_their_code()
    {
        // ConvertFromUtf32 threw on a lone surrogate while this message was built: exit 70.
        var surrogate = Assert.Throws<ExpressionException>(() => Parser.Parse("y = " + (char)0xD800));
        var nul = Assert.Throws<ExpressionException>(() => Parser.Parse("y = a\0"));
        var emoji = Assert.Throws<ExpressionException>(() => Parser.Parse("y = 😀"));

        Assert.Equal("unexpected character U+D800", surrogate.Message);
        Assert.Equal("unexpected character U+0000", nul.Message);
        Assert.Equal("unexpected character '😀'", emoji.Message);
    }
}
