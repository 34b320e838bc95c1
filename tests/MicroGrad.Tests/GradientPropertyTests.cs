using CsCheck;
using MicroGrad.TestSupport;

namespace MicroGrad.Tests;

/// <summary>For random expressions over every operation, analytic gradients agree with central differences.</summary>
public class GradientPropertyTests
{
    private const int Inputs = 3;

    /// <summary>A random expression over the inputs x0..x2, kept inside every operation's smooth domain.</summary>
    private abstract record Expr
    {
        public abstract Value Build(IReadOnlyList<Value> x);
    }

    private sealed record Input(int Index) : Expr
    {
        public override Value Build(IReadOnlyList<Value> x) => x[Index];

        public override string ToString() => "x" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Constant(double Number) : Expr
    {
        public override Value Build(IReadOnlyList<Value> x) => Number;

        public override string ToString() => Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Unary(string Op, Expr Operand) : Expr
    {
        public override Value Build(IReadOnlyList<Value> x)
        {
            var v = Operand.Build(x);
            return Op switch
            {
                "neg" => -v,
                "tanh" => v.Tanh(),
                "sigmoid" => v.Sigmoid(),
                "relu" => v.Relu(),
                "exp" => v.Tanh().Exp(),               // bounded argument: no overflow
                "log" => ((v * v) + 0.5).Log(),        // positive argument
                "pow2" => v.Pow(2),
                "pow3" => v.Pow(3),
                "powhalf" => ((v * v) + 0.5).Pow(0.5), // positive base
                "inv" => ((v * v) + 0.5).Pow(-1),
                _ => throw new InvalidOperationException(Op),
            };
        }

        public override string ToString() => $"{Op}({Operand})";
    }

    private sealed record Binary(string Op, Expr Left, Expr Right) : Expr
    {
        public override Value Build(IReadOnlyList<Value> x)
        {
            var a = Left.Build(x);
            var b = Right.Build(x);
            return Op switch
            {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => a / ((b * b) + 0.5),                       // denominator ≥ 0.5
                "**" => ((a * a) + 0.5).Pow(b.Tanh() * 2),        // positive base, bounded exponent
                _ => throw new InvalidOperationException(Op),
            };
        }

        public override string ToString() => $"({Left} {Op} {Right})";
    }

    private static readonly string[] UnaryOps = ["neg", "tanh", "sigmoid", "relu", "exp", "log", "pow2", "pow3", "powhalf", "inv"];
    private static readonly string[] BinaryOps = ["+", "-", "*", "/", "**"];

    private static Gen<Expr> Expression(int depth)
    {
        var leaf = Gen.Frequency(
            (4, Gen.Int[0, Inputs - 1].Select(i => (Expr)new Input(i))),
            (1, Gen.Double[-2.0, 2.0].Select(d => (Expr)new Constant(Math.Round(d, 3)))));
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Expression(depth - 1);
        return Gen.Frequency(
            (1, leaf),
            (2, Gen.Select(Gen.Int[0, UnaryOps.Length - 1].Select(i => UnaryOps[i]), inner, (op, e) => (Expr)new Unary(op, e))),
            (3, Gen.Select(Gen.Int[0, BinaryOps.Length - 1].Select(i => BinaryOps[i]), inner, inner, (op, l, r) => (Expr)new Binary(op, l, r))));
    }

    private static readonly Gen<(Expr, double[])> Cases =
        Gen.Select(Expression(4), Gen.Double[-1.5, 1.5].Array[Inputs]);

    /// <summary>The inputs of the expression's ReLUs at <paramref name="point"/>, in topological order.</summary>
    private static List<double> ReluInputs(Expr expr, double[] point) =>
        [.. expr.Build([.. point.Select(p => new Value(p))]).TopologicalOrder().Where(v => v.Op == "ReLU").Select(v => v.Inputs[0].Data)];

    /// <summary>
    /// True when central differences would straddle a ReLU's kink: some ReLU input is within 100 steps of
    /// 0, or changes sign between the point and a point one step away along any input (a steep input
    /// crosses 0 from further away).
    /// </summary>
    private static bool NearKink(Expr expr, double[] point, double step)
    {
        var here = ReluInputs(expr, point);
        if (here.Exists(x => Math.Abs(x) < 100 * step))
        {
            return true;
        }

        for (int i = 0; i < point.Length; i++)
        {
            foreach (double direction in new[] { -1.0, 1.0 })
            {
                double[] moved = [.. point];
                moved[i] += direction * step;
                if (ReluInputs(expr, moved).Zip(here).Any(pair => Math.Sign(pair.First) != Math.Sign(pair.Second)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [Fact]
    public void Analytic_gradients_agree_with_central_differences()
    {
        const double step = 1e-6;
        Property.Check(
            Cases,
            (expr, point) =>
            {
                // Outside where central differences are meaningful: at a kink, or where the value is so large
                // that rounding (about 2e-16 · |f| / step) reaches the tolerance.
                var probe = expr.Build([.. point.Select(p => new Value(p))]);
                if (!(Math.Abs(probe.Data) < 1e4) || NearKink(expr, point, step))
                {
                    return true;
                }

                var result = GradCheck.Run(expr.Build, point, step);
                return result.IsWithin(1e-4);
            },
            iter: 3000,
            print: c => $"{c.Item1} at [{string.Join(", ", c.Item2)}]");
    }

    [Fact]
    public void Gradients_of_a_sum_are_the_sums_of_gradients()
    {
        // Linearity of backward: d(f + g) = df + dg for any two expressions over the same inputs.
        Property.Check(
            Gen.Select(Expression(3), Expression(3), Gen.Double[-1.5, 1.5].Array[Inputs]),
            (f, g, point) =>
            {
                double[] Grads(Func<IReadOnlyList<Value>, Value> build)
                {
                    var x = point.Select(p => new Value(p)).ToArray();
                    build(x).Backward();
                    return [.. x.Select(v => v.Grad)];
                }

                var separate = Grads(f.Build).Zip(Grads(g.Build), (a, b) => a + b);
                var together = Grads(x => f.Build(x) + g.Build(x));
                return separate.Zip(together).All(p => Math.Abs(p.First - p.Second) <= 1e-9 * Math.Max(1, Math.Abs(p.First)) || (double.IsNaN(p.First) && double.IsNaN(p.Second)));
            },
            iter: 1000);
    }
}
