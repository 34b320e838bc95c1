using System.Globalization;
using System.Runtime.CompilerServices;

namespace MicroGrad;

/// <summary>
/// One kind of operation of a graph, all it is in one place: the name drawings show, how many inputs it
/// takes, whether their order matters, whether a run of it reads as one n-ary operation, its result and
/// its local derivatives. <see cref="Value"/> computes with it, <see cref="Tape"/> replays with it, and
/// drawings label and group by it.
/// </summary>
public sealed class Operation
{
    private Operation(OperationKind kind, string name, int arity, bool isOrdered = false, bool chains = false, double? exponent = null)
    {
        Kind = kind;
        Name = name;
        Arity = arity;
        IsOrdered = isOrdered;
        Chains = chains;
        Exponent = exponent;
    }

    /// <summary><c>a + b</c>: derivatives 1 and 1.</summary>
    public static Operation Add { get; } = new(OperationKind.Add, "+", 2, chains: true);

    /// <summary><c>a - b</c>: derivatives 1 and −1.</summary>
    public static Operation Subtract { get; } = new(OperationKind.Subtract, "-", 2, isOrdered: true);

    /// <summary><c>a * b</c>: derivatives b and a.</summary>
    public static Operation Multiply { get; } = new(OperationKind.Multiply, "*", 2, chains: true);

    /// <summary><c>a / b</c>: derivatives 1/b and −a/b².</summary>
    public static Operation Divide { get; } = new(OperationKind.Divide, "/", 2, isOrdered: true);

    /// <summary><c>-a</c>, drawn <c>neg</c>: derivative −1.</summary>
    public static Operation Negate { get; } = new(OperationKind.Negate, "neg", 1);

    /// <summary>
    /// <c>a ** b</c> for a value exponent: derivatives <c>b·a^(b−1)</c> (0 when b is 0) and <c>a^b·ln a</c>
    /// (0 for a base of 0 with a positive exponent, NaN for a negative base or 0 with b ≤ 0).
    /// </summary>
    public static Operation Power { get; } = new(OperationKind.Power, "**", 2, isOrdered: true);

    /// <summary><c>exp(a)</c>: derivative <c>exp(a)</c>.</summary>
    public static Operation Exp { get; } = new(OperationKind.Exp, "exp", 1);

    /// <summary><c>ln(a)</c>: derivative 1/a (NaN for a negative a).</summary>
    public static Operation Log { get; } = new(OperationKind.Log, "log", 1);

    /// <summary><c>tanh(a)</c>: derivative <c>1 − tanh²(a)</c>.</summary>
    public static Operation Tanh { get; } = new(OperationKind.Tanh, "tanh", 1);

    /// <summary><c>max(0, a)</c>, drawn <c>ReLU</c>: derivative 1 above 0, else 0 (NaN for NaN), as in micrograd.</summary>
    public static Operation Relu { get; } = new(OperationKind.Relu, "ReLU", 1);

    /// <summary><c>1 / (1 + e^−a)</c>: derivative <c>s·(1 − s)</c>.</summary>
    public static Operation Sigmoid { get; } = new(OperationKind.Sigmoid, "sigmoid", 1);

    private static readonly Operation s_square = new(OperationKind.ConstantPower, "**2", 1, exponent: 2);
    private static readonly Operation s_cube = new(OperationKind.ConstantPower, "**3", 1, exponent: 3);
    private static readonly Operation s_reciprocal = new(OperationKind.ConstantPower, "**-1", 1, exponent: -1);
    private static readonly Operation s_root = new(OperationKind.ConstantPower, "**0.5", 1, exponent: 0.5);

    /// <summary>The name drawings show: <c>+</c>, <c>-</c>, <c>*</c>, <c>/</c>, <c>neg</c>, <c>**</c>, <c>**2</c>, <c>exp</c>, <c>log</c>, <c>tanh</c>, <c>ReLU</c>, <c>sigmoid</c>.</summary>
    public string Name { get; }

    /// <summary>How many inputs it takes: 1 or 2.</summary>
    public int Arity { get; }

    /// <summary>Whether its inputs are not interchangeable (<c>a - b</c>, <c>a / b</c>, <c>a ** b</c>), so a drawing marks which is which.</summary>
    public bool IsOrdered { get; }

    /// <summary>Whether a run of it (<c>a + b + c</c>, <c>a * b * c</c>) reads as one n-ary operation: it is associative.</summary>
    public bool Chains { get; }

    /// <summary>The constant exponent of a power of a constant (<see cref="PowerOf"/>); <see langword="null"/> for every other operation.</summary>
    public double? Exponent { get; }

    internal OperationKind Kind { get; }

    /// <summary>
    /// <c>a ** n</c> for a constant n, named with it in round-trip form (<c>**2</c>, <c>**0.5</c>):
    /// follows <see cref="Math.Pow"/>; derivative <c>n·a^(n−1)</c>, and exactly 0 when n is 0.
    /// </summary>
    /// <param name="exponent">The constant exponent.</param>
    /// <returns>The operation.</returns>
    public static Operation PowerOf(double exponent) => exponent switch
    {
        2 => s_square,
        3 => s_cube,
        -1 => s_reciprocal,
        0.5 => s_root,
        _ => new(OperationKind.ConstantPower, "**" + exponent.ToString("R", CultureInfo.InvariantCulture), 1, exponent: exponent),
    };

    /// <summary>The result for inputs <paramref name="a"/> and (for two inputs) <paramref name="b"/>.</summary>
    /// <param name="a">The first input's data.</param>
    /// <param name="b">The second input's data; ignored by one-input operations.</param>
    /// <returns>The result.</returns>
    public double Apply(double a, double b = 0.0) => Forward(Kind, a, b, Exponent ?? 0.0);

    /// <summary>The local derivatives ∂result/∂a and ∂result/∂b (0 for one-input operations), from the inputs and the result.</summary>
    /// <param name="a">The first input's data.</param>
    /// <param name="b">The second input's data; ignored by one-input operations.</param>
    /// <param name="result">What <see cref="Apply"/> gave for them.</param>
    /// <returns>The two derivatives.</returns>
    public (double Left, double Right) LocalDerivatives(double a, double b, double result) => Derivatives(Kind, a, b, result, Exponent ?? 0.0);

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>The one operation of a two-input kind (a constant at each call, so this folds away).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Operation OfBinary(OperationKind kind) => kind switch
    {
        OperationKind.Add => Add,
        OperationKind.Subtract => Subtract,
        OperationKind.Multiply => Multiply,
        OperationKind.Divide => Divide,
        OperationKind.Power => Power,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a two-input operation."),
    };

    /// <summary>The result: the one place each operation's arithmetic is written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Forward(OperationKind kind, double a, double b, double exponent) => kind switch
    {
        OperationKind.Add => a + b,
        OperationKind.Subtract => a - b,
        OperationKind.Multiply => a * b,
        OperationKind.Divide => a / b,
        OperationKind.Negate => -a,
        OperationKind.Power => Math.Pow(a, b),
        OperationKind.ConstantPower => Math.Pow(a, exponent),
        OperationKind.Exp => Math.Exp(a),
        OperationKind.Log => Math.Log(a),
        OperationKind.Tanh => Math.Tanh(a),
        OperationKind.Relu => double.IsNaN(a) ? a : a > 0 ? a : 0.0,
        _ => 1.0 / (1.0 + Math.Exp(-a)),
    };

    /// <summary>The local derivatives: the one place each operation's calculus is written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (double Left, double Right) Derivatives(OperationKind kind, double a, double b, double result, double exponent) => kind switch
    {
        OperationKind.Add => (1.0, 1.0),
        OperationKind.Subtract => (1.0, -1.0),
        OperationKind.Multiply => (b, a),
        OperationKind.Divide => (1.0 / b, -a / (b * b)),
        OperationKind.Negate => (-1.0, 0.0),
        OperationKind.Power => (PowerSlope(a, b), a > 0 ? result * Math.Log(a) : a == 0 && b > 0 ? 0.0 : double.NaN),
        OperationKind.ConstantPower => (PowerSlope(a, exponent), 0.0),
        OperationKind.Exp => (result, 0.0),
        OperationKind.Log => (a >= 0 ? 1.0 / a : double.NaN, 0.0),
        OperationKind.Tanh => (TanhSlope(result), 0.0),
        OperationKind.Relu => (ReluSlope(a), 0.0),
        _ => (result * (1.0 - result), 0.0),
    };

    /// <summary>ReLU's derivative from its input or its output (both are positive together; NaN stays NaN).</summary>
    internal static double ReluSlope(double x) => double.IsNaN(x) ? double.NaN : x > 0 ? 1.0 : 0.0;

    /// <summary>tanh's derivative from its output.</summary>
    internal static double TanhSlope(double t) => 1.0 - (t * t);

    private static double PowerSlope(double x, double n) => n == 0 ? 0.0 : n * Math.Pow(x, n - 1);
}
