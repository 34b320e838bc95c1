using System.Globalization;

namespace MicroGrad.Viz.Cli.Expressions;

/// <summary>
/// A parsed program plus its <c>--set</c> inputs, checked for every naming mistake before anything
/// is built. <see cref="Build"/> turns it into a <see cref="Value"/> graph, as many times as needed.
/// </summary>
internal sealed class ExpressionProgram
{
    private readonly IReadOnlyList<Statement> _statements;
    private readonly Statement _root;

    private ExpressionProgram(IReadOnlyList<Statement> statements, Statement root, IReadOnlyList<KeyValuePair<string, double>> inputs)
    {
        _statements = statements;
        _root = root;
        Inputs = inputs;
    }

    /// <summary>
    /// Every leaf a name is bound to a number, in order: <c>--set</c> values first, then <c>name = number</c>
    /// statements; a <c>--set</c> replaces the number a statement gives the same name.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, double>> Inputs { get; }

    /// <summary>Parses and checks a program.</summary>
    /// <param name="source">The program text.</param>
    /// <param name="sets">The <c>--set NAME=NUMBER</c> arguments, as typed.</param>
    /// <param name="rootName">The <c>--root</c> name, or null for the last statement.</param>
    public static ExpressionProgram Create(string source, IReadOnlyList<string> sets, string? rootName)
    {
        try
        {
            return Check(source, sets, rootName);
        }
        catch (ExpressionException exception)
        {
            exception.SourceText ??= source;
            throw;
        }
    }

    private static ExpressionProgram Check(string source, IReadOnlyList<string> sets, string? rootName)
    {
        var inputs = new List<KeyValuePair<string, double>>();
        var defined = new Dictionary<string, SourceSpan?>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var (name, number) = ParseSet(set);
            if (!defined.TryAdd(name, null))
            {
                throw new ExpressionException($"--set gives '{name}' twice");
            }

            inputs.Add(new(name, number));
        }

        var statements = Parser.Parse(source);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            CheckNames(statement.Value, defined, used);
            if (statement.Name is not { } name)
            {
                continue;
            }

            if (defined.TryGetValue(name, out var earlier))
            {
                if (earlier is null && LeafNumber(statement.Value) is not null)
                {
                    // --set replaces the number the program gives, so a file can be re-run with other inputs.
                    defined[name] = statement.NameSpan;
                    continue;
                }

                throw new ExpressionException(
                    earlier is { } first
                        ? $"'{name}' is assigned twice (first at line {first.Line}, column {first.Column})"
                        : $"--set gives '{name}', but the program computes it here; --set can replace only a number the program assigns (like '{name} = 2')",
                    statement.NameSpan);
            }

            if (statement.Value is NameExpr alias)
            {
                throw new ExpressionException(
                    $"'{name} = {alias.Name}' would only rename a value; write an operation (e.g. '{name} = {alias.Name} * 1')",
                    statement.Value.Span);
            }

            defined.Add(name, statement.NameSpan);
            if (LeafNumber(statement.Value) is double leaf)
            {
                inputs.Add(new(name, leaf));
            }
        }

        foreach (var input in inputs)
        {
            if (!used.Contains(input.Key) && defined[input.Key] is null)
            {
                throw new ExpressionException($"--set gives '{input.Key}', but the program never uses it");
            }
        }

        Statement root;
        if (rootName is null)
        {
            root = statements[^1];
        }
        else
        {
            root = statements.LastOrDefault(s => s.Name == rootName)
                ?? throw new ExpressionException($"--root '{rootName}': no statement assigns '{rootName}'");
        }

        return new ExpressionProgram(statements, root, inputs);
    }

    /// <summary>Builds the graph, optionally replacing input leaves by the given values (for gradient checks).</summary>
    /// <param name="leaves">Values to use for inputs, by name; others are created from <see cref="Inputs"/>.</param>
    /// <returns>The root value and every input leaf by name.</returns>
    public (Value Root, IReadOnlyDictionary<string, Value> Leaves) Build(IReadOnlyDictionary<string, Value>? leaves = null)
    {
        var scope = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var input in Inputs)
        {
            scope[input.Key] = leaves is not null && leaves.TryGetValue(input.Key, out var given) ? given : new Value(input.Value, input.Key);
        }

        var inputLeaves = new Dictionary<string, Value>(scope, StringComparer.Ordinal);
        Value? root = null;
        foreach (var statement in _statements)
        {
            Value value;
            if (statement.Name is { } name && scope.TryGetValue(name, out var leaf))
            {
                value = leaf; // name = number: a leaf created above
            }
            else
            {
                value = Evaluate(statement.Value, scope);
                if (statement.Name is not null)
                {
                    value.Label = statement.Name;
                    scope[statement.Name] = value;
                }
            }

            if (ReferenceEquals(statement, _root))
            {
                root = value;
            }
        }

        return (root!, inputLeaves);
    }

    private static Value Evaluate(Expr expr, Dictionary<string, Value> scope) => expr switch
    {
        NumberExpr number => number.Number,
        NameExpr name => scope[name.Name],
        NegateExpr { Operand: NumberExpr literal } => -literal.Number, // -2 is a constant, as in Python
        NegateExpr negate => -Evaluate(negate.Operand, scope),
        BinaryExpr binary => Binary(binary.Op, binary.Left, binary.Right, scope),
        CallExpr call => call.Function switch
        {
            "tanh" => Evaluate(call.Arguments[0], scope).Tanh(),
            "exp" => Evaluate(call.Arguments[0], scope).Exp(),
            "log" => Evaluate(call.Arguments[0], scope).Log(),
            "relu" => Evaluate(call.Arguments[0], scope).Relu(),
            "sigmoid" => Evaluate(call.Arguments[0], scope).Sigmoid(),
            _ => Binary(TokenKind.Power, call.Arguments[0], call.Arguments[1], scope),
        },
        _ => throw new InvalidOperationException($"Unknown expression {expr.GetType().Name}."),
    };

    private static Value Binary(TokenKind op, Expr left, Expr right, Dictionary<string, Value> scope)
    {
        var a = Evaluate(left, scope);
        if (op == TokenKind.Power && LeafNumber(right) is double exponent)
        {
            return a.Pow(exponent); // a constant exponent draws as **2
        }

        var b = Evaluate(right, scope);
        return op switch
        {
            TokenKind.Plus => a + b,
            TokenKind.Minus => a - b,
            TokenKind.Star => a * b,
            TokenKind.Slash => a / b,
            _ => a.Pow(b),
        };
    }

    /// <summary>The number of a literal, or of a negated literal; null for anything else.</summary>
    private static double? LeafNumber(Expr expr) => expr switch
    {
        NumberExpr number => number.Number,
        NegateExpr { Operand: NumberExpr number } => -number.Number,
        _ => null,
    };

    private static void CheckNames(Expr expr, Dictionary<string, SourceSpan?> defined, HashSet<string> used)
    {
        switch (expr)
        {
            case NameExpr name when !defined.ContainsKey(name.Name):
                throw new ExpressionException(
                    $"unknown name '{name.Name}': assign it before this line or give it with --set {name.Name}=NUMBER",
                    name.Span);
            case NameExpr name:
                used.Add(name.Name);
                break;
            case NegateExpr negate:
                CheckNames(negate.Operand, defined, used);
                break;
            case BinaryExpr binary:
                CheckNames(binary.Left, defined, used);
                CheckNames(binary.Right, defined, used);
                break;
            case CallExpr call:
                foreach (var argument in call.Arguments)
                {
                    CheckNames(argument, defined, used);
                }

                break;
        }
    }

    private static (string Name, double Number) ParseSet(string set)
    {
        int equals = set.IndexOf('=', StringComparison.Ordinal);
        string name = equals > 0 ? set[..equals].Trim() : string.Empty;
        if (equals <= 0 || name.Length == 0 || !IsName(name))
        {
            throw new ExpressionException($"--set '{set}': expected NAME=NUMBER, e.g. --set a=2");
        }

        string text = set[(equals + 1)..].Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
        {
            throw new ExpressionException($"--set '{set}': '{text}' is not a number (write numbers like 2, -0.5, 1e-3)");
        }

        if (Parser.Functions.ContainsKey(name))
        {
            throw new ExpressionException($"--set '{set}': '{name}' is a function and cannot be set");
        }

        return (name, number);
    }

    private static bool IsName(string text) =>
        (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
