using System.Diagnostics;
using System.Globalization;

namespace MicroGrad;

/// <summary>
/// A scalar node of a computation graph: a number, the gradient of some output with respect to
/// it, and the operation (with its ordered inputs) that produced it.
/// </summary>
/// <remarks>
/// <para>
/// Build graphs with the operators (<c>+ - * /</c>, unary <c>-</c>) and the methods
/// (<see cref="Pow(double)"/>, <see cref="Exp"/>, <see cref="Tanh"/>, …), then call
/// <see cref="Backward"/> on the output to fill in <see cref="Grad"/> on every value it depends on.
/// </para>
/// <para>
/// Each operation records the local derivative of its result with respect to each input when it
/// is created; <see cref="Backward"/> only multiplies and adds them (the chain rule). Changing
/// <see cref="Data"/> afterwards therefore changes neither the values built from it nor their
/// gradients: as in micrograd, build the graph again after changing its inputs.
/// </para>
/// <para>
/// Arithmetic follows IEEE 754 and never throws: NaN and infinities propagate through data and
/// gradients. Domain errors give NaN (the log of a negative number), limits give infinities
/// (the log of 0 is −∞, 0 to a negative power is +∞). Each method documents its own cases.
/// </para>
/// <para>
/// A graph is not thread-safe: do not build on, traverse or differentiate the same values from
/// several threads at once. Separate graphs may be used from separate threads.
/// </para>
/// </remarks>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class Value
{
    private static int s_lastTraversal;

    private readonly Value? _left;
    private readonly Value? _right;
    // Not readonly: a Tape writes the numbers of its last replay back (Tape.WriteBack).
    private double _leftDerivative;
    private double _rightDerivative;
    private int _traversal;

    /// <summary>Creates a leaf value: an input or a parameter of a graph.</summary>
    /// <param name="data">The number it holds.</param>
    /// <param name="label">An optional name, shown in drawings.</param>
    public Value(double data, string? label = null)
    {
        Data = data;
        Label = label;
    }

    private Value(double data, Operation operation, Value left, double leftDerivative)
    {
        Data = data;
        Operation = operation;
        Scope = ModuleScope.Current;
        _left = left;
        _leftDerivative = leftDerivative;
    }

    private Value(double data, Operation operation, Value left, double leftDerivative, Value right, double rightDerivative)
        : this(data, operation, left, leftDerivative)
    {
        _right = right;
        _rightDerivative = rightDerivative;
    }

    private Value(double data, bool isConstant)
    {
        Data = data;
        IsConstant = isConstant;
    }

    /// <summary>The number this value holds.</summary>
    public double Data { get; set; }

    /// <summary>
    /// The gradient of the output last passed through <see cref="Backward"/> with respect to this
    /// value. Starts at 0; settable so that gradients can be set by hand or reset.
    /// </summary>
    public double Grad { get; set; }

    /// <summary>An optional name, shown in drawings; <see langword="null"/> when unnamed.</summary>
    public string? Label { get; set; }

    /// <summary>
    /// The module run that computed this value (see <see cref="ModuleScope"/>), or
    /// <see langword="null"/>. Operations take the current scope; leaves start with none.
    /// </summary>
    public ModuleScope? Scope { get; set; }

    /// <summary>The operation that produced this value; <see langword="null"/> for leaves.</summary>
    public Operation? Operation { get; }

    /// <summary>
    /// The operation that produced this value as drawings show it (<see cref="Operation.Name"/>): <c>+</c>,
    /// <c>-</c>, <c>*</c>, <c>/</c>, <c>neg</c>, <c>**</c> (power of a value), <c>**2</c> (power of a
    /// constant), <c>exp</c>, <c>log</c>, <c>tanh</c>, <c>ReLU</c> or <c>sigmoid</c>; empty for leaves.
    /// </summary>
    public string Op => Operation?.Name ?? string.Empty;

    /// <summary>
    /// <see langword="true"/> for a leaf made from a <see cref="double"/> operand, such as the
    /// <c>2</c> in <c>a * 2</c>, so that a drawing can fold it into its operator.
    /// </summary>
    public bool IsConstant { get; }

    /// <summary><see langword="true"/> when no operation produced this value (inputs, parameters, constants).</summary>
    public bool IsLeaf => _left is null;

    /// <summary>
    /// The values this one was computed from, in operand order. Duplicates are kept: the inputs
    /// of <c>a * a</c> are <c>[a, a]</c>. Empty for leaves.
    /// </summary>
    public ValueInputs Inputs => new(_left, _right);

    /// <summary>Turns a number into a constant leaf (<see cref="IsConstant"/> is <see langword="true"/>).</summary>
    /// <param name="data">The number.</param>
    public static implicit operator Value(double data) => FromDouble(data);

    /// <summary>Makes a constant leaf; the named alternative to the implicit conversion.</summary>
    /// <param name="data">The number.</param>
    /// <returns>A leaf whose <see cref="IsConstant"/> is <see langword="true"/>.</returns>
    public static Value FromDouble(double data) => new(data, isConstant: true);

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
    public static Value Add(Value left, Value right) => Binary(Operation.Add, left, right);

    /// <summary>Subtracts one value from another. Op <c>-</c>.</summary>
    /// <param name="left">The minuend.</param>
    /// <param name="right">The subtrahend.</param>
    /// <returns>A new value, <c>left - right</c>.</returns>
    public static Value Subtract(Value left, Value right) => Binary(Operation.Subtract, left, right);

    /// <summary>Multiplies two values. Op <c>*</c>.</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <returns>A new value, <c>left * right</c>.</returns>
    public static Value Multiply(Value left, Value right) => Binary(Operation.Multiply, left, right);

    /// <summary>
    /// Divides one value by another. Op <c>/</c>. Dividing by 0 gives ±∞ (or NaN for 0/0) in the
    /// data and infinite gradients, as IEEE division does.
    /// </summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>A new value, <c>left / right</c>.</returns>
    public static Value Divide(Value left, Value right) => Binary(Operation.Divide, left, right);

    /// <summary>Negates a value. Op <c>neg</c>.</summary>
    /// <param name="value">The operand.</param>
    /// <returns>A new value, <c>-value</c>.</returns>
    public static Value Negate(Value value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Unary(Operation.Negate);
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
    public Value Pow(double exponent) => Unary(Operation.PowerOf(exponent));

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
    public Value Pow(Value exponent)
    {
        ArgumentNullException.ThrowIfNull(exponent);
        return Binary(Operation.Power, this, exponent);
    }

    /// <summary>e raised to this value. Op <c>exp</c>. Overflows to +∞ above about 709.78.</summary>
    /// <returns>A new value, <c>exp(this)</c>.</returns>
    public Value Exp() => Unary(Operation.Exp);

    /// <summary>
    /// The natural logarithm. Op <c>log</c>. The log of 0 is −∞ (gradient +∞); the log of a negative
    /// number is NaN, and so is its gradient.
    /// </summary>
    /// <returns>A new value, <c>ln(this)</c>.</returns>
    public Value Log() => Unary(Operation.Log);

    /// <summary>The hyperbolic tangent (<see cref="Math.Tanh"/>). Op <c>tanh</c>; gradient <c>1 − tanh²</c>.</summary>
    /// <returns>A new value, <c>tanh(this)</c>.</returns>
    public Value Tanh() => Unary(Operation.Tanh);

    /// <summary>
    /// The rectifier <c>max(0, x)</c>. Op <c>ReLU</c>. As in micrograd the gradient is 1 for
    /// positive inputs and 0 otherwise (also at 0); a NaN input gives NaN data and gradient.
    /// </summary>
    /// <returns>A new value, <c>relu(this)</c>.</returns>
    public Value Relu() => Unary(Operation.Relu);

    /// <summary>The logistic function <c>1 / (1 + e^−x)</c>. Op <c>sigmoid</c>; gradient <c>s·(1 − s)</c>.</summary>
    /// <returns>A new value, <c>sigmoid(this)</c>.</returns>
    public Value Sigmoid() => Unary(Operation.Sigmoid);

    /// <summary>
    /// Back-propagates from this value: sets its <see cref="Grad"/> to 1, then adds
    /// (<c>+=</c>) the gradient of this value into every value it depends on, in reverse
    /// topological order. A value used by several operations, or twice by one, receives the sum.
    /// </summary>
    /// <remarks>
    /// Gradients accumulate across calls, as in micrograd: calling this again without
    /// <see cref="ZeroGradients"/> in between sets this value's gradient to 1 again, but every
    /// value below it adds a second contribution on top of the gradient it already holds, and
    /// intermediate values pass their accumulated gradients on, so leaves end up with more than
    /// twice their gradient. Call <see cref="ZeroGradients"/> (or <c>Module.ZeroGrad</c> for
    /// parameters, when the graph is rebuilt) before each backward pass. The traversal is
    /// iterative, so graphs millions of operations deep work without a stack overflow.
    /// </remarks>
    public void Backward()
    {
        RentOrder();
        int count = FillTopologicalOrder();
        var order = t_order!;
        Grad = 1.0;
        for (int i = count - 1; i >= 0; i--)
        {
            var value = order[i];
            if (value._left is { } left)
            {
                left.Grad += value._leftDerivative * value.Grad;
                if (value._right is { } right)
                {
                    right.Grad += value._rightDerivative * value.Grad;
                }
            }
        }

        ReturnOrder(count);
    }

    /// <summary>
    /// The local derivative ∂this/∂input of the input at <paramref name="index"/>, recorded when this
    /// operation was created: what <see cref="Backward"/> multiplies this value's gradient by before
    /// adding it to that input's gradient (the chain rule). For <c>a * b</c> it is <c>b.Data</c> for
    /// input 0 and <c>a.Data</c> for input 1; for <c>tanh(n)</c> it is <c>1 − tanh(n)²</c>.
    /// </summary>
    /// <param name="index">The input's position in <see cref="Inputs"/>.</param>
    /// <returns>The derivative, as recorded; later changes to <see cref="Data"/> do not change it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <c>Inputs.Count</c>.</exception>
    public double LocalDerivative(int index) => index switch
    {
        0 when _left is not null => _leftDerivative,
        1 when _right is not null => _rightDerivative,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"This value has {Inputs.Count} input(s)."),
    };

    /// <summary>Sets the data and local derivatives as if this operation had been computed again (a tape's replay).</summary>
    internal void SetReplayed(double data, double leftDerivative, double rightDerivative)
    {
        Data = data;
        _leftDerivative = leftDerivative;
        _rightDerivative = rightDerivative;
    }

    /// <summary>
    /// The additions <see cref="Backward"/> would make from this value, in its order, with their numbers,
    /// as if every gradient below this value started at 0: one step per input of each operation, so a
    /// value used twice (<c>a * a</c>) receives two steps. Nothing is changed; the last step leaves each
    /// value with the gradient <see cref="Backward"/> gives it after <see cref="ZeroGradients"/>.
    /// </summary>
    /// <returns>The steps, first to last.</returns>
    public IReadOnlyList<BackwardStep> BackwardSteps()
    {
        var order = TopologicalOrder();
        var grads = new Dictionary<Value, double>(order.Count, ReferenceEqualityComparer.Instance);
        foreach (var value in order)
        {
            grads[value] = 0.0;
        }

        grads[this] = 1.0;
        var steps = new List<BackwardStep>();
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var value = order[i];
            for (int k = 0; k < value.Inputs.Count; k++)
            {
                var input = value.Inputs[k];
                double local = value.LocalDerivative(k);
                double before = grads[input];

                // The same arithmetic as Backward, in the same order, so the numbers agree to the bit.
                double contribution = local * grads[value];
                grads[input] = before + contribution;
                steps.Add(new BackwardStep(value, k, grads[value], local, contribution, before, grads[input]));
            }
        }

        return steps;
    }

    /// <summary>Sets <see cref="Grad"/> to 0 on this value and on every value it depends on.</summary>
    public void ZeroGradients()
    {
        RentOrder();
        int count = FillTopologicalOrder();
        var order = t_order!;
        for (int i = 0; i < count; i++)
        {
            order[i].Grad = 0.0;
        }

        ReturnOrder(count);
    }

    /// <summary>
    /// This value and every value it depends on, each once, inputs before the values computed from
    /// them; this value comes last.
    /// </summary>
    /// <remarks>
    /// The order is a depth-first post-order that visits inputs in operand order, so it depends
    /// only on the shape of the graph: the same graph gives the same order in every run.
    /// </remarks>
    /// <returns>A new list; changing it does not change the graph.</returns>
    public IReadOnlyList<Value> TopologicalOrder()
    {
        RentOrder();
        int count = FillTopologicalOrder();
        var order = new Value[count];
        Array.Copy(t_order!, order, count);
        ReturnOrder(count);
        return order;
    }

    /// <summary>Describes the value in invariant culture, e.g. <c>Value(data=4, grad=0)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Value(data={Data}, grad={Grad})");

    private string DebuggerDisplay => string.Create(
        CultureInfo.InvariantCulture,
        $"{Label ?? (IsConstant ? "const" : "_")} = {Data} (grad {Grad}){(IsLeaf ? string.Empty : $" [{Op}]")}");

    // Traversal buffers, reused per thread: a graph of 65k values would otherwise allocate two
    // large-object-heap arrays per backward pass, and each such allocation pushes towards a full GC.
    [ThreadStatic]
    private static Value[]? t_order;

    [ThreadStatic]
    private static Value[]? t_stack;

    private static Value[] RentOrder() => t_order ??= new Value[256];

    /// <summary>Drops the buffer's references so it does not keep a graph alive.</summary>
    private static void ReturnOrder(int count) => Array.Clear(t_order!, 0, count);

    /// <summary>
    /// Writes the post-order into <c>t_order</c> (growing it as needed) and returns the count.
    /// Iterative: a node stays on the stack until both its inputs are done.
    /// </summary>
    private int FillTopologicalOrder()
    {
        // A per-traversal stamp marks visited values: no hashing by identity, no recursion.
        int stamp = NextTraversal();
        var order = t_order!;
        var stack = t_stack ??= new Value[256];
        int count = 0, depth = 0;
        _traversal = stamp;
        stack[depth++] = this;
        while (depth > 0)
        {
            var node = stack[depth - 1];
            var input = node._left is { } left && left._traversal != stamp ? left
                : node._right is { } right && right._traversal != stamp ? right
                : null;
            if (input is not null)
            {
                input._traversal = stamp;
                if (depth == stack.Length)
                {
                    Array.Resize(ref stack, stack.Length * 2);
                    t_stack = stack;
                }

                stack[depth++] = input;
                continue;
            }

            stack[--depth] = null!;
            if (count == order.Length)
            {
                Array.Resize(ref order, order.Length * 2);
                t_order = order;
            }

            order[count++] = node;
        }

        return count;
    }

    private static int NextTraversal()
    {
        int stamp = Interlocked.Increment(ref s_lastTraversal);
        // 0 is the mark of a value never visited; skip it when the counter wraps around.
        return stamp != 0 ? stamp : Interlocked.Increment(ref s_lastTraversal);
    }

    /// <summary>Applies a two-input operation: its result, and the local derivatives recorded for Backward.</summary>
    private static Value Binary(Operation operation, Value left, Value right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        double a = left.Data, b = right.Data;
        double result = Operation.Forward(operation.Kind, a, b, 0.0);
        var (da, db) = Operation.Derivatives(operation.Kind, a, b, result, 0.0);
        return new(result, operation, left, da, right, db);
    }

    /// <summary>Applies a one-input operation to this value.</summary>
    private Value Unary(Operation operation)
    {
        double a = Data, exponent = operation.Exponent ?? 0.0;
        double result = Operation.Forward(operation.Kind, a, 0.0, exponent);
        return new(result, operation, this, Operation.Derivatives(operation.Kind, a, 0.0, result, exponent).Left);
    }
}
