using System.Globalization;

namespace MicroGrad;

/// <summary>
/// A graph recorded once and replayed many times: the fast mode for training loops. Building a graph
/// allocates one <see cref="Value"/> per operation; a tape keeps the recorded graph's shape as flat
/// instruction arrays and recomputes its numbers in place, with no allocation, to the bit the numbers
/// that building the graph again and calling <see cref="Value.Backward"/> would give.
/// </summary>
/// <remarks>
/// <para>
/// Record the graph of one step (<see cref="Record"/>), then per step: change the leaves' data (an
/// optimiser does), <see cref="Forward"/>, zero the parameters' gradients, <see cref="Backward"/>. The
/// leaves stay the <see cref="Value"/>s the graph was built from (<see cref="Leaves"/>): the tape reads
/// their <see cref="Value.Data"/> and adds into their <see cref="Value.Grad"/>, so <c>Nn.Sgd</c> and
/// <c>Module.ZeroGrad</c> work unchanged.
/// </para>
/// <para>
/// A tape applies while the graph's shape does not change between steps: the same operations on the
/// same leaves, whatever their numbers. micrograd's full-batch moons demo qualifies. Code that takes a
/// different branch depending on a number (<c>if (x.Data &gt; 0)</c>), a mini-batch drawn anew each step,
/// or a model whose size changes, builds a different graph: the tape would replay the recorded one.
/// Build the graph again and pass it to <see cref="EnsureFits"/> to check.
/// </para>
/// <para>
/// Running sums (<c>b + w0*x0 + w1*x1 + …</c>, and a ReLU or tanh right after one) become single
/// instructions, which is where the speed comes from. A sum is fused only where that keeps every
/// gradient's contributions in the order <see cref="Value.Backward"/> adds them: no value outside the
/// sum, between its first operation and its last, uses one of its inputs. Otherwise its operations stay
/// one instruction each. Values inside a fused sum have no number of their own during replays;
/// <see cref="WriteBack"/> computes them when the graph is to be drawn or inspected.
/// </para>
/// <para>A tape is not thread-safe.</para>
/// </remarks>
public sealed partial class Tape
{
    private const int One = 0; // the slot that holds 1.0: a sum's plain term t is computed as the product t·1 (exact)

    private readonly Value[] _order;

    private readonly Dictionary<Value, int> _index;

    private readonly int _reachable;

    private readonly int[] _slot;

    private readonly Value[] _leaves;

    private readonly Value[] _outputs;

    private readonly int[] _outputSlots;

    private readonly Instruction[] _code;

    private readonly int _backwardCount;

    private readonly Term[] _terms;

    private readonly Value[][] _sums;

    private readonly Value?[] _products;

    private readonly Value[] _written;

    private readonly int _firstConstant;

    private readonly double[] _data;

    private readonly double[] _grad;

    private bool _backwardDone;

    private enum Code : byte
    {
        /// <summary>A fused running sum of terms.</summary>
        Sum,

        /// <summary>A fused running sum, then ReLU.</summary>
        SumRelu,

        /// <summary>A fused running sum, then tanh.</summary>
        SumTanh,

        /// <summary>One operation of the graph, by its <see cref="OperationKind"/>.</summary>
        Apply,
    }

    /// <summary>The recorded outputs; <see cref="Backward"/> starts from the first.</summary>
    public IReadOnlyList<Value> Outputs => _outputs;

    /// <summary>
    /// The leaves the graph was built from, in topological order, constants last: the tape reads their
    /// data and adds into their gradients (a constant's starts at 0 on every replay, as in a newly built graph).
    /// </summary>
    public IReadOnlyList<Value> Leaves => _leaves;

    /// <summary>How many values the recorded graph has.</summary>
    public int ValueCount => _order.Length;

    /// <summary>How many instructions a replay runs: fewer than the graph's operations, as each fused sum is one.</summary>
    public int InstructionCount => _code.Length;

    /// <summary>
    /// Records the graph that ends in <paramref name="outputs"/>: the first is what <see cref="Backward"/>
    /// differentiates (a loss); others (such as a model's scores) are recomputed by <see cref="Forward"/>
    /// too. The tape starts with the graph's current numbers.
    /// </summary>
    /// <param name="outputs">One value or more.</param>
    /// <returns>The tape.</returns>
    /// <exception cref="ArgumentException">No output was given.</exception>
    public static Tape Record(params Value[] outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Length == 0)
        {
            throw new ArgumentException("A tape needs at least one output to record.", nameof(outputs));
        }

        if (Array.IndexOf(outputs, null) >= 0)
        {
            throw new ArgumentException("An output is null.", nameof(outputs));
        }

        return new Tape([.. outputs.Distinct<Value>(ReferenceEqualityComparer.Instance)]);
    }

    /// <summary>Describes the tape, e.g. <c>Tape(65814 values, 3503 instructions, 740 leaves)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Tape({_order.Length} values, {_code.Length} instructions, {_leaves.Length} leaves)");

    private readonly record struct Instruction(Code Code, OperationKind Kind, int Out, int A, int B, double Constant);

    private readonly record struct Term(int Left, int Right);
}
