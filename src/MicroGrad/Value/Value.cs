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
public sealed partial class Value
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

    /// <summary>Describes the value in invariant culture, e.g. <c>Value(data=4, grad=0)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Value(data={Data}, grad={Grad})");

    private string DebuggerDisplay => string.Create(
        CultureInfo.InvariantCulture,
        $"{Label ?? (IsConstant ? "const" : "_")} = {Data} (grad {Grad}){(IsLeaf ? string.Empty : $" [{Op}]")}");
}
