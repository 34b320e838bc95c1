namespace MicroGrad;

// Recording: the graph compiled into slots and instructions, with running sums fused.
public sealed partial class Tape
{
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
