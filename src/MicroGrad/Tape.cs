using System.Globalization;
using System.Text;

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
public sealed class Tape
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

    private Tape(Value[] outputs)
    {
        _outputs = outputs;
        (_order, _reachable) = Collect(outputs);
        int n = _order.Length;
        _index = new Dictionary<Value, int>(n, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < n; i++)
        {
            _index.Add(_order[i], i);
        }

        var uses = new int[n];
        var user = new int[n];
        var isOutput = new bool[n];
        foreach (var output in outputs)
        {
            isOutput[_index[output]] = true;
        }

        for (int i = 0; i < n; i++)
        {
            foreach (var input in _order[i].Inputs)
            {
                int u = _index[input];
                uses[u]++;
                user[u] = i;
            }
        }

        // Values used once, by the next operation of a running sum, that no output needs: they can live inside an instruction.
        bool Lone(int i) => uses[i] == 1 && !isOutput[i];
        var chains = FindChains(uses, user, Lone);

        // Slots: 1.0, then the leaves, then every value an instruction writes.
        var inside = new bool[n];
        foreach (var chain in chains.Values)
        {
            foreach (int i in chain.Inside)
            {
                inside[i] = true;
            }
        }

        _slot = new int[n];
        Array.Fill(_slot, -1);
        var leaves = new List<Value>();
        int slots = 1;
        foreach (bool constants in new[] { false, true })
        {
            _firstConstant = constants ? slots : _firstConstant;
            for (int i = 0; i < n; i++)
            {
                if (_order[i].IsLeaf && _order[i].IsConstant == constants)
                {
                    _slot[i] = slots++;
                    leaves.Add(_order[i]);
                }
            }
        }

        _leaves = [.. leaves];
        for (int i = 0; i < n; i++)
        {
            if (!_order[i].IsLeaf && !inside[i])
            {
                _slot[i] = slots++;
            }
        }

        _data = new double[slots];
        _grad = new double[slots];
        _outputSlots = [.. outputs.Select(o => _slot[_index[o]])];

        // Instructions in topological order; those Outputs[0] depends on come first.
        var code = new List<Instruction>();
        var terms = new List<Term>();
        var products = new List<Value?>();
        var sums = new List<Value[]>();
        var written = new List<Value>();
        int backwardCount = 0;
        for (int i = 0; i < n; i++)
        {
            var value = _order[i];
            if (value.IsLeaf || inside[i])
            {
                continue;
            }

            if (chains.TryGetValue(i, out var chain))
            {
                code.Add(new Instruction(chain.Activation, OperationKind.Add, _slot[i], terms.Count, chain.Terms.Count, 0));
                foreach (var (left, right, product) in chain.Terms)
                {
                    terms.Add(new Term(_slot[_index[left]], right is null ? One : _slot[_index[right]]));
                    products.Add(product);
                }

                sums.Add(chain.Sums);
            }
            else
            {
                var inputs = value.Inputs;
                int a = _slot[_index[inputs[0]]];
                int b = inputs.Count > 1 ? _slot[_index[inputs[1]]] : 0;
                var operation = value.Operation!;
                code.Add(new Instruction(Code.Apply, operation.Kind, _slot[i], a, b, operation.Exponent ?? 0.0));
                sums.Add([]);
            }

            written.Add(value);
            backwardCount += i < _reachable ? 1 : 0;
        }

        _code = [.. code];
        _terms = [.. terms];
        _products = [.. products];
        _sums = [.. sums];
        _written = [.. written];
        _backwardCount = backwardCount;
        LoadRecorded();
    }

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

    /// <summary>
    /// Recomputes every value from the leaves' current <see cref="Value.Data"/>, as building the graph
    /// again would, and sets each output's <see cref="Value.Data"/>. Allocates nothing.
    /// </summary>
    public void Forward()
    {
        var data = _data;
        var leaves = _leaves;
        for (int i = 0; i < leaves.Length; i++)
        {
            data[i + 1] = leaves[i].Data;
        }

        data[One] = 1.0;
        var terms = _terms;
        foreach (ref readonly var op in _code.AsSpan())
        {
            double result;
            if (op.Code <= Code.SumTanh)
            {
                // The engine's left-to-right additions, each product rounded before it is added (no fused multiply-add).
                int end = op.A + op.B;
                ref readonly var first = ref terms[op.A];
                double acc = data[first.Left] * data[first.Right];
                for (int t = op.A + 1; t < end; t++)
                {
                    ref readonly var term = ref terms[t];
                    acc += data[term.Left] * data[term.Right];
                }

                result = op.Code == Code.Sum ? acc
                    : op.Code == Code.SumTanh ? Math.Tanh(acc)
                    : double.IsNaN(acc) ? acc : acc > 0 ? acc : 0.0;
            }
            else
            {
                result = Operation.Forward(op.Kind, data[op.A], data[op.B], op.Constant);
            }

            data[op.Out] = result;
        }

        for (int i = 0; i < _outputs.Length; i++)
        {
            _outputs[i].Data = data[_outputSlots[i]];
        }

        _backwardDone = false;
    }

    /// <summary>
    /// Back-propagates from the first output with the numbers of the last <see cref="Forward"/> (or of
    /// the recording): its gradient is 1, every computed value's and constant's starts at 0, and every
    /// other leaf's gradient is added to, as <see cref="Value.Backward"/> does on a newly built graph.
    /// Zero the parameters' gradients first, as in an eager training loop; an input leaf's gradient adds
    /// up over replays unless it is zeroed too. Allocates nothing.
    /// </summary>
    public void Backward()
    {
        var data = _data;
        var grad = _grad;
        var leaves = _leaves;
        for (int i = 1; i < _firstConstant; i++)
        {
            grad[i] = leaves[i - 1].Grad;
        }

        // Constants (the 2 of x * 2) start at 0 as in a newly built graph, where they are new values;
        // the other leaves add to the gradient they hold, as Backward does.
        Array.Clear(grad, _firstConstant, grad.Length - _firstConstant);
        grad[_outputSlots[0]] = 1.0;
        var code = _code;
        var terms = _terms;
        for (int i = _backwardCount - 1; i >= 0; i--)
        {
            ref readonly var op = ref code[i];
            double g = grad[op.Out];
            switch (op.Code)
            {
                case Code.Sum:
                    SumBackward(data, grad, terms, op.A, op.B, g);
                    break;
                case Code.SumRelu:
                    double r = data[op.Out];
                    SumBackward(data, grad, terms, op.A, op.B, 0.0 + (Operation.ReluSlope(r) * g));
                    break;
                case Code.SumTanh:
                    double t = data[op.Out];
                    SumBackward(data, grad, terms, op.A, op.B, 0.0 + (Operation.TanhSlope(t) * g));
                    break;
                default:
                    var (left, right) = Operation.Derivatives(op.Kind, data[op.A], data[op.B], data[op.Out], op.Constant);
                    grad[op.A] += left * g;
                    if (op.B != One)
                    {
                        grad[op.B] += right * g; // a second input: one-input instructions read the slot of 1.0 as theirs
                    }

                    break;
            }
        }

        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i].Grad = grad[i + 1];
        }

        _outputs[0].Grad = 1.0;
        _backwardDone = true;
    }

    /// <summary>
    /// Writes the numbers of the last replay into every computed value of the recorded graph: data (and
    /// the local derivatives) as of the last <see cref="Forward"/>, gradients as of the last
    /// <see cref="Backward"/> after it (0 if there was none), including the values inside fused sums. The
    /// graph then reads as if it had been built and back-propagated eagerly, ready to draw or inspect;
    /// leaves keep their own numbers. Not needed for training.
    /// </summary>
    public void WriteBack()
    {
        var data = _data;
        var grad = _grad;
        for (int i = 0; i < _code.Length; i++)
        {
            ref readonly var op = ref _code[i];
            var output = _written[i];
            bool reached = _backwardDone && i < _backwardCount;
            if (op.Code is not (Code.Sum or Code.SumRelu or Code.SumTanh))
            {
                var (left, right) = Operation.Derivatives(op.Kind, data[op.A], data[op.B], data[op.Out], op.Constant);
                output.SetReplayed(data[op.Out], left, right);
                output.Grad = reached ? grad[op.Out] : 0.0;
                continue;
            }

            double top = reached ? grad[op.Out] : 0.0;
            if (op.Code != Code.Sum)
            {
                // The instruction wrote the fused ReLU or tanh; the sum under it has no slot.
                double a = data[op.Out];
                double derivative = op.Code == Code.SumTanh ? Operation.TanhSlope(a) : Operation.ReluSlope(a);
                output.SetReplayed(a, derivative, 0.0);
                output.Grad = top;
                top = 0.0 + (derivative * top);
            }

            double inner = 0.0 + top;
            var sums = _sums[i];
            double acc = 0;
            for (int t = op.A; t < op.A + op.B; t++)
            {
                var term = _terms[t];
                double value = data[term.Left] * data[term.Right];
                if (_products[t] is { } product)
                {
                    product.SetReplayed(value, data[term.Right], data[term.Left]);
                    product.Grad = inner;
                }

                acc = t == op.A ? value : acc + value;
                if (t > op.A)
                {
                    var sum = sums[t - op.A - 1];
                    sum.SetReplayed(acc, 1.0, 1.0);
                    sum.Grad = t == op.A + op.B - 1 ? top : inner;
                }
            }
        }
    }

    /// <summary>
    /// Checks that a graph built again has the shape this tape recorded: the same operations on the
    /// same positions, value for value (the leaves may be new values). Use it where the code that
    /// builds the graph might take another branch.
    /// </summary>
    /// <param name="output">The first output of the graph built again.</param>
    /// <exception cref="TapeMismatchException">The graph differs; the message says where.</exception>
    public void EnsureFits(Value output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var order = output.TopologicalOrder();
        if (order.Count != _reachable)
        {
            throw new TapeMismatchException(
                string.Create(CultureInfo.InvariantCulture, $"The graph has {order.Count:N0} values; the tape was recorded from a graph of {_reachable:N0}. Record a new tape for it."));
        }

        var index = new Dictionary<Value, int>(order.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < order.Count; i++)
        {
            index.Add(order[i], i);
            var (now, then) = (order[i], _order[i]);
            string shapeNow = Describe(now, index), shapeThen = Describe(then, _index);
            if (shapeNow != shapeThen)
            {
                string where = now.Scope is { } scope ? " (in " + scope.Path + ")" : string.Empty;
                throw new TapeMismatchException(
                    string.Create(CultureInfo.InvariantCulture, $"Value {i:N0} of {order.Count:N0}{where} is {shapeNow} in this graph and {shapeThen} on the tape. Record a new tape for it."));
            }
        }
    }

    /// <summary>
    /// The tape as a program, one instruction per line, slots named <c>%n</c> (labels in comments): what
    /// "compiling" the graph made of it. Leaves first, e.g. <c>%3 = leaf 0.5  ; x0</c>, then
    /// <c>%9 = ReLU(%4 + %1*%2 + %5*%3)</c>.
    /// </summary>
    /// <returns>The listing, with <c>\n</c> line endings.</returns>
    public string ToListing()
    {
        var text = new StringBuilder();
        static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        string Slot(int slot) => "%" + slot.ToString(CultureInfo.InvariantCulture);
        void Line(string line, string? label) => text.Append(line).Append(label is null ? string.Empty : "  ; " + label).Append('\n');
        for (int i = 0; i < _leaves.Length; i++)
        {
            var leaf = _leaves[i];
            Line(Slot(i + 1) + " = " + (leaf.IsConstant ? "constant " : "leaf ") + Number(_data[i + 1]), leaf.Label);
        }

        for (int i = 0; i < _code.Length; i++)
        {
            ref readonly var op = ref _code[i];
            string a = Slot(op.A), b = Slot(op.B);
            var operation = _written[i].Operation!;
            string expression = op.Code != Code.Apply ? SumText(op)
                : operation == Operation.Negate ? "-" + a
                : operation.Exponent is { } exponent ? a + " " + Operation.Power.Name + " " + Number(exponent)
                : operation.Arity == 2 ? a + " " + operation.Name + " " + b
                : operation.Name + "(" + a + ")";
            Line(Slot(op.Out) + " = " + expression, _written[i].Label);
        }

        return text.ToString();

        string SumText(in Instruction op)
        {
            var sum = new StringBuilder();
            for (int t = op.A; t < op.A + op.B; t++)
            {
                var term = _terms[t];
                sum.Append(t == op.A ? string.Empty : " + ").Append(Slot(term.Left));
                if (term.Right != One)
                {
                    sum.Append('*').Append(Slot(term.Right));
                }
            }

            return op.Code switch
            {
                Code.SumRelu => Operation.Relu.Name + "(" + sum + ")",
                Code.SumTanh => Operation.Tanh.Name + "(" + sum + ")",
                _ => sum.ToString(),
            };
        }
    }

    /// <summary>Describes the tape, e.g. <c>Tape(65814 values, 3503 instructions, 740 leaves)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Tape({_order.Length} values, {_code.Length} instructions, {_leaves.Length} leaves)");

    /// <summary>
    /// A running sum's backward, in <see cref="Value.Backward"/>'s order: its last term, the terms before
    /// it from last to second, then the sum's first addition (its start, then its first term), then the
    /// first term's and the start's own products. <paramref name="top"/> is the gradient of the sum's
    /// result; the partial sums and products inside carry <c>0.0 + top</c>, as the engine's do.
    /// </summary>
    private static void SumBackward(double[] data, double[] grad, Term[] terms, int start, int count, double top)
    {
        double inner = 0.0 + top;
        int last = start + count - 1;
        double first = top; // the gradient of the first partial sum
        if (count > 2)
        {
            ref readonly var term = ref terms[last];
            if (term.Right == One)
            {
                grad[term.Left] += top;
            }
            else
            {
                grad[term.Left] += data[term.Right] * inner;
                grad[term.Right] += data[term.Left] * inner;
            }

            for (int t = last - 1; t > start + 1; t--)
            {
                // A plain term t is t·1: its gradient gains 1·inner (exact); the 1's own gradient is never read.
                ref readonly var middle = ref terms[t];
                grad[middle.Left] += data[middle.Right] * inner;
                grad[middle.Right] += data[middle.Left] * inner;
            }

            first = inner;
        }

        ref readonly var head = ref terms[start];
        ref readonly var second = ref terms[start + 1];
        if (head.Right == One)
        {
            grad[head.Left] += first;
        }

        if (second.Right == One)
        {
            grad[second.Left] += first;
        }
        else
        {
            double g = 0.0 + first;
            grad[second.Left] += data[second.Right] * g;
            grad[second.Right] += data[second.Left] * g;
        }

        if (head.Right != One)
        {
            double g = 0.0 + first;
            grad[head.Left] += data[head.Right] * g;
            grad[head.Right] += data[head.Left] * g;
        }
    }

    private static string Describe(Value value, Dictionary<Value, int> index)
    {
        if (value.IsLeaf)
        {
            return value.IsConstant ? "a constant" : "a leaf";
        }

        var inputs = value.Inputs;
        var at = new StringBuilder("'").Append(value.Op).Append("' of value");
        at.Append(inputs.Count == 1 ? " " : "s ");
        for (int k = 0; k < inputs.Count; k++)
        {
            at.Append(k == 0 ? string.Empty : " and ").Append(index.TryGetValue(inputs[k], out int i) ? i.ToString("N0", CultureInfo.InvariantCulture) : "?");
        }

        return at.ToString();
    }

    /// <summary>Outputs[0]'s topological order (what Backward walks), then what only the other outputs need.</summary>
    private static (Value[] Order, int Reachable) Collect(Value[] outputs)
    {
        var order = new List<Value>(outputs[0].TopologicalOrder());
        int reachable = order.Count;
        var seen = new HashSet<Value>(order, ReferenceEqualityComparer.Instance);
        foreach (var output in outputs.Skip(1))
        {
            order.AddRange(output.TopologicalOrder().Where(seen.Add));
        }

        return ([.. order], reachable);
    }

    /// <summary>
    /// The running sums to fuse, by the position of the value their instruction writes (the last sum,
    /// or the ReLU or tanh after it).
    /// </summary>
    private Dictionary<int, Chain> FindChains(int[] uses, int[] user, Func<int, bool> lone)
    {
        var chains = new Dictionary<int, Chain>();
        int n = _order.Length;
        var inputMark = new int[n];
        var nodeMark = new int[n];
        int stamp = 0;
        for (int i = 0; i < n; i++)
        {
            var value = _order[i];
            if (value.Operation != Operation.Add || (lone(i) && _order[user[i]].Operation == Operation.Add && ReferenceEquals(_order[user[i]].Inputs[0], value)))
            {
                continue; // not a sum, or a partial sum inside a longer one
            }

            // Walk down the left operands: s_k, …, s_1; terms are their right operands and s_1's left one.
            var sums = new List<int> { i };
            while (_order[sums[^1]].Inputs[0] is var left && left.Operation == Operation.Add && lone(_index[left]))
            {
                sums.Add(_index[left]);
            }

            sums.Reverse();
            var termValues = new List<Value> { _order[sums[0]].Inputs[0] };
            termValues.AddRange(sums.Select(s => _order[s].Inputs[1]));
            int end = i;
            var activation = Code.Sum;
            if (lone(i) && _order[user[i]].Operation is var after && (after == Operation.Relu || after == Operation.Tanh))
            {
                end = user[i];
                activation = after == Operation.Relu ? Code.SumRelu : Code.SumTanh;
            }

            var chain = new Chain(activation, [.. sums.Take(sums.Count - 1).Select(s => _order[s]).Append(value)]);
            stamp++;
            foreach (int s in sums)
            {
                nodeMark[s] = stamp;
            }

            nodeMark[end] = stamp;
            foreach (var term in termValues)
            {
                int t = _index[term];
                if (term.Operation == Operation.Multiply && lone(t))
                {
                    nodeMark[t] = stamp;
                    chain.Inside.Add(t);
                    chain.Terms.Add((term.Inputs[0], term.Inputs[1], term));
                    inputMark[_index[term.Inputs[0]]] = stamp;
                    inputMark[_index[term.Inputs[1]]] = stamp;
                }
                else
                {
                    chain.Terms.Add((term, null, null));
                    inputMark[t] = stamp;
                }
            }

            // Fuse only if nothing between the sum's first operation and its end uses one of its inputs:
            // then every input receives the sum's contributions where Backward would add them.
            int begin = Math.Min(sums[0], chain.Inside.Count > 0 ? chain.Inside.Min() : int.MaxValue);
            bool fits = true;
            for (int p = begin + 1; p < end && fits; p++)
            {
                if (nodeMark[p] == stamp)
                {
                    continue;
                }

                foreach (var input in _order[p].Inputs)
                {
                    fits &= inputMark[_index[input]] != stamp;
                }
            }

            if (fits && (sums.Count > 1 || chain.Inside.Count > 0 || activation != Code.Sum))
            {
                chain.Inside.AddRange(sums.Take(sums.Count - 1));
                if (end != i)
                {
                    chain.Inside.Add(i);
                }

                chains.Add(end, chain);
            }
            else
            {
                // One instruction per addition, as the engine computes them.
                foreach (int s in sums)
                {
                    var sum = _order[s];
                    var single = new Chain(Code.Sum, [sum]);
                    single.Terms.Add((sum.Inputs[0], null, null));
                    single.Terms.Add((sum.Inputs[1], null, null));
                    chains.Add(s, single);
                }
            }
        }

        return chains;
    }

    /// <summary>The recorded graph's own numbers, so a tape starts where the graph is.</summary>
    private void LoadRecorded()
    {
        _data[One] = 1.0;
        for (int i = 0; i < _order.Length; i++)
        {
            if (_slot[i] >= 0)
            {
                _data[_slot[i]] = _order[i].Data;
            }
        }
    }

    private readonly record struct Instruction(Code Code, OperationKind Kind, int Out, int A, int B, double Constant);

    private readonly record struct Term(int Left, int Right);

    private sealed class Chain(Code activation, Value[] sums)
    {
        public Code Activation { get; } = activation;

        /// <summary>The partial sums s_1 … s_k.</summary>
        public Value[] Sums { get; } = sums;

        /// <summary>The start and the terms: a product's two factors and the product, or a plain value.</summary>
        public List<(Value Left, Value? Right, Value? Product)> Terms { get; } = [];

        /// <summary>Positions of the values computed inside the instruction.</summary>
        public List<int> Inside { get; } = [];
    }
}
