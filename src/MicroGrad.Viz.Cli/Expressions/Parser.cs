namespace MicroGrad.Viz.Cli.Expressions;

/// <summary>
/// Parses the mgviz language. Precedence from low to high: <c>+ -</c>, <c>* /</c>, unary
/// <c>-</c>, <c>**</c> (right-associative, binding tighter than a unary minus on its left, as in
/// Python: <c>-x**2</c> is <c>-(x**2)</c>), then numbers, names, calls and parentheses.
/// </summary>
internal sealed class Parser
{
    public static readonly IReadOnlyDictionary<string, int> Functions = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["tanh"] = 1,
        ["exp"] = 1,
        ["log"] = 1,
        ["relu"] = 1,
        ["sigmoid"] = 1,
        ["pow"] = 2,
    };

    /// <summary>
    /// The deepest expression mgviz takes: nesting (parentheses, calls, signs, powers) and chains
    /// (<c>a + a + …</c>, each operation one level). Deeper programs are a normal mistake (exit 2),
    /// not a stack overflow: every pass over the tree recurses, on a thread with a stack sized for
    /// this depth (<see cref="DeepStack"/>).
    /// </summary>
    public const int MaxDepth = 10_000;

    private readonly List<Token> _tokens;
    private int _position;
    private int _nesting;

    private Parser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_position];

    public static IReadOnlyList<Statement> Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new Parser(Lexer.Tokenize(source));
        return parser.ParseProgram();
    }

    private List<Statement> ParseProgram()
    {
        var statements = new List<Statement>();
        while (true)
        {
            while (Current.Kind == TokenKind.Separator)
            {
                _position++;
            }

            if (Current.Kind == TokenKind.End)
            {
                break;
            }

            if (statements.Count > 0 && statements[^1].Name is null)
            {
                var previous = statements[^1];
                throw new ExpressionException("only the last statement may be a bare expression; give this one a name (name = ...)", previous.Value.Span);
            }

            statements.Add(ParseStatement());
            if (Current.Kind is not (TokenKind.Separator or TokenKind.End))
            {
                throw new ExpressionException(
                    $"unexpected {Current.Describe()} after the expression; separate statements with ';' or new lines",
                    Current.Span);
            }
        }

        if (statements.Count == 0)
        {
            throw new ExpressionException("the program is empty: write statements like 'L = a*b + c'");
        }

        return statements;
    }

    private Statement ParseStatement()
    {
        if (Current.Kind == TokenKind.Name && _tokens[_position + 1].Kind == TokenKind.Assign)
        {
            var name = Current;
            if (Functions.ContainsKey(name.Text))
            {
                throw new ExpressionException($"'{name.Text}' is a function and cannot be assigned", name.Span);
            }

            _position += 2;
            return new Statement(name.Text, name.Span, ParseExpression());
        }

        var value = ParseExpression();
        if (Current.Kind == TokenKind.Assign)
        {
            throw new ExpressionException("only a name can be assigned to", value.Span);
        }

        return new Statement(null, value.Span, value);
    }

    private Expr ParseExpression()
    {
        var left = ParseTerm();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Next();
            var right = ParseTerm();
            left = Bounded(new BinaryExpr(op.Kind, left, right, Join(left.Span, right.Span)), op);
        }

        return left;
    }

    private Expr ParseTerm()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Next();
            var right = ParseUnary();
            left = Bounded(new BinaryExpr(op.Kind, left, right, Join(left.Span, right.Span)), op);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            var sign = Next();
            Enter(sign);
            var operand = ParseUnary();
            _nesting--;
            var span = Join(sign.Span, operand.Span);
            return sign.Kind == TokenKind.Plus ? operand : Bounded(new NegateExpr(operand, span), sign);
        }

        return ParsePower();
    }

    /// <summary>One level deeper into the recursion; refused past <see cref="MaxDepth"/> before the stack is at risk.</summary>
    private void Enter(Token at)
    {
        if (++_nesting > MaxDepth)
        {
            throw TooDeep(at);
        }
    }

    private static T Bounded<T>(T expression, Token at)
        where T : Expr =>
        expression.Depth > MaxDepth ? throw TooDeep(at) : expression;

    private static ExpressionException TooDeep(Token at) =>
        new($"the expression is more than {MaxDepth:N0} levels deep (nested parentheses, calls, signs or a chain of operations); split it into statements, e.g. s1 = ...; s2 = s1 + ...", at.Span);

    private Expr ParsePower()
    {
        var power = ParsePrimary();
        if (Current.Kind == TokenKind.Power)
        {
            var op = Next();
            Enter(op);
            var exponent = ParseUnary(); // right-associative: 2 ** 3 ** 2 is 2 ** (3 ** 2); 2 ** -1 is allowed
            _nesting--;
            power = Bounded(new BinaryExpr(TokenKind.Power, power, exponent, Join(power.Span, exponent.Span)), op);
        }

        return power;
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Next();
                return new NumberExpr(token.Number, token.Span);
            case TokenKind.Name when _tokens[_position + 1].Kind == TokenKind.LeftParen:
                return ParseCall();
            case TokenKind.Name:
                Next();
                return new NameExpr(token.Text, token.Span);
            case TokenKind.LeftParen:
                Next();
                Enter(token);
                var inner = ParseExpression();
                _nesting--;
                Expect(TokenKind.RightParen, $"expected ')' to close the '(' at line {token.Span.Line}, column {token.Span.Column}");
                return inner;
            default:
                throw new ExpressionException($"expected a number, a name or '(' but found {token.Describe()}", token.Span);
        }
    }

    private CallExpr ParseCall()
    {
        var name = Next();
        if (!Functions.TryGetValue(name.Text, out int arity))
        {
            throw new ExpressionException(
                $"unknown function '{name.Text}'; the functions are {string.Join(", ", Functions.Keys)}",
                name.Span);
        }

        var open = Next();
        Enter(open);
        var arguments = new List<Expr>();
        if (Current.Kind != TokenKind.RightParen)
        {
            arguments.Add(ParseExpression());
            while (Current.Kind == TokenKind.Comma)
            {
                Next();
                arguments.Add(ParseExpression());
            }
        }

        var close = Expect(TokenKind.RightParen, $"expected ')' to close the '(' of {name.Text} at line {open.Span.Line}, column {open.Span.Column}");
        _nesting--;
        var span = Join(name.Span, close.Span);
        if (arguments.Count != arity)
        {
            throw new ExpressionException(
                $"'{name.Text}' takes {arity} argument{(arity == 1 ? string.Empty : "s")}, got {arguments.Count}",
                span);
        }

        return Bounded(new CallExpr(name.Text, arguments, span), name);
    }

    private Token Next() => _tokens[_position++];

    private Token Expect(TokenKind kind, string message)
    {
        if (Current.Kind != kind)
        {
            throw new ExpressionException($"{message}, found {Current.Describe()}", Current.Span);
        }

        return Next();
    }

    private static SourceSpan Join(SourceSpan first, SourceSpan last) =>
        first.Line == last.Line
            ? first with { Length = last.Column + last.Length - first.Column }
            : first;
}
