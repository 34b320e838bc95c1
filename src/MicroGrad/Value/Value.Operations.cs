using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace MicroGrad;

// The operations: each makes a new value from Operation's result and local derivatives.
public sealed partial class Value
{
    /// <summary>Adds two values. Op <c>+</c>.</summary>
    public static Value operator +(Value left, Value right) => Add(left, right);

    /// <summary>Subtracts <paramref name="right"/> from <paramref name="left"/>. Op <c>-</c>.</summary>
    public static Value operator -(Value left, Value right) => Subtract(left, right);

    /// <summary>Multiplies two values. Op <c>*</c>.</summary>
    public static Value operator *(Value left, Value right) => Multiply(left, right);

    /// <summary>Divides <paramref name="left"/> by <paramref name="right"/>. Op <c>/</c>.</summary>
    public static Value operator /(Value left, Value right) => Divide(left, right);

    /// <summary>Negates a value. Op <c>neg</c>.</summary>
    public static Value operator -(Value value) => Negate(value);

    /// <summary>Adds two values. Op <c>+</c>.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>A new value, <c>left + right</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public static Value Add(Value left, Value right) => Binary(OperationKind.Add, left, right);

    /// <summary>Subtracts one value from another. Op <c>-</c>.</summary>
    /// <param name="left">The minuend.</param>
    /// <param name="right">The subtrahend.</param>
    /// <returns>A new value, <c>left - right</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public static Value Subtract(Value left, Value right) => Binary(OperationKind.Subtract, left, right);

    /// <summary>Multiplies two values. Op <c>*</c>.</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <returns>A new value, <c>left * right</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public static Value Multiply(Value left, Value right) => Binary(OperationKind.Multiply, left, right);

    /// <summary>
    /// Divides one value by another. Op <c>/</c>. Dividing by 0 gives ±∞ (or NaN for 0/0) in the
    /// data and infinite gradients, as IEEE division does.
    /// </summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>A new value, <c>left / right</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public static Value Divide(Value left, Value right) => Binary(OperationKind.Divide, left, right);

    /// <summary>Negates a value. Op <c>neg</c>.</summary>
    /// <param name="value">The operand.</param>
    /// <returns>A new value, <c>-value</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public static Value Negate(Value value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Unary(OperationKind.Negate, Operation.Negate);
    }

    /// <summary>
    /// Sums a sequence of values left to right (<c>((v0 + v1) + v2) + …</c>), as Python's
    /// <c>sum</c> does. One value is returned as it is; an empty sequence gives the constant 0.
    /// </summary>
    /// <param name="values">The values to add.</param>
    /// <returns>The sum.</returns>
    public static Value Sum(IEnumerable<Value> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Value? sum = null;
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            sum = sum is null ? value : sum + value;
        }

        return sum ?? FromDouble(0.0);
    }

    /// <summary>
    /// Raises this value to a constant power. Op <c>**</c> followed by the exponent, e.g. <c>**2</c>.
    /// Follows <see cref="Math.Pow"/>: a negative base with a non-integer exponent gives NaN, 0 to a
    /// negative power gives +∞. The gradient is <c>n·x^(n−1)</c>, and exactly 0 when n is 0.
    /// </summary>
    /// <param name="exponent">The constant exponent.</param>
    /// <returns>A new value, <c>this ** exponent</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public Value Pow(double exponent) => Unary(OperationKind.ConstantPower, Operation.PowerOf(exponent));

    /// <summary>
    /// Raises this value to the power of another value. Op <c>**</c>, inputs <c>[this, exponent]</c>.
    /// </summary>
    /// <remarks>
    /// The gradient with respect to the base is <c>b·a^(b−1)</c> (0 when b is 0). The gradient with
    /// respect to the exponent is <c>a^b·ln a</c> for a positive base, 0 for a base of 0 with a
    /// positive exponent (the limit), and NaN for a negative base or 0 with a non-positive
    /// exponent, where the real power is not differentiable in its exponent.
    /// </remarks>
    /// <param name="exponent">The exponent.</param>
    /// <returns>A new value, <c>this ** exponent</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public Value Pow(Value exponent)
    {
        ArgumentNullException.ThrowIfNull(exponent);
        return Binary(OperationKind.Power, this, exponent);
    }

    /// <summary>e raised to this value. Op <c>exp</c>. Overflows to +∞ above about 709.78.</summary>
    /// <returns>A new value, <c>exp(this)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public Value Exp() => Unary(OperationKind.Exp, Operation.Exp);

    /// <summary>
    /// The natural logarithm. Op <c>log</c>. The log of 0 is −∞ (gradient +∞); the log of a negative
    /// number is NaN, and so is its gradient.
    /// </summary>
    /// <returns>A new value, <c>ln(this)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public Value Log() => Unary(OperationKind.Log, Operation.Log);

    /// <summary>The hyperbolic tangent (<see cref="Math.Tanh"/>). Op <c>tanh</c>; gradient <c>1 − tanh²</c>.</summary>
    /// <returns>A new value, <c>tanh(this)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public Value Tanh() => Unary(OperationKind.Tanh, Operation.Tanh);

    /// <summary>
    /// The rectifier <c>max(0, x)</c>. Op <c>ReLU</c>. As in micrograd the gradient is 1 for
    /// positive inputs and 0 otherwise (also at 0); a NaN input gives NaN data and gradient.
    /// </summary>
    /// <returns>A new value, <c>relu(this)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public Value Relu() => Unary(OperationKind.Relu, Operation.Relu);

    /// <summary>The logistic function <c>1 / (1 + e^−x)</c>. Op <c>sigmoid</c>; gradient <c>s·(1 − s)</c>.</summary>
    /// <returns>A new value, <c>sigmoid(this)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: see Binary
    public Value Sigmoid() => Unary(OperationKind.Sigmoid, Operation.Sigmoid);

    /// <summary>Applies a two-input operation of the table.</summary>
    /// <remarks>
    /// <paramref name="kind"/> is a constant at every call, and this is inlined there: the table's
    /// switches fold to the one case, so each operator costs what hand-written arithmetic would. The
    /// operators are compiled optimised from their first call (no inlining happens in the JIT's quick
    /// first tier, where the table would cost four calls per operation): a short script that runs a
    /// few training steps never runs the slow version.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Value Binary(OperationKind kind, Value left, Value right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        double a = left.Data, b = right.Data;
        double result = Operation.Forward(kind, a, b, 0.0);
        var (da, db) = Operation.Derivatives(kind, a, b, result, 0.0);
        return new(result, Operation.OfBinary(kind), left, da, right, db);
    }

    /// <summary>Applies a one-input operation of the table (<paramref name="kind"/> is <paramref name="operation"/>'s, a constant at every call).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Value Unary(OperationKind kind, Operation operation)
    {
        Debug.Assert(operation.Kind == kind, "the kind is the operation's");
        double a = Data, exponent = operation.Exponent ?? 0.0;
        double result = Operation.Forward(kind, a, 0.0, exponent);
        return new(result, operation, this, Operation.Derivatives(kind, a, 0.0, result, exponent).Left);
    }
}
