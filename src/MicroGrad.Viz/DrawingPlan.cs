namespace MicroGrad.Viz;

/// <summary>
/// Decides, for every value of a graph, what draws it: its own node, a collapsed module node, the
/// n-ary operator of the chain it was absorbed into, or the operator it was folded into as a
/// constant. Every value maps to exactly one drawn node, so views hide values but never lose them.
/// </summary>
internal sealed class DrawingPlan
{
    private readonly Dictionary<Value, int> _index;

    private DrawingPlan(IReadOnlyList<Value> order, Value root)
    {
        Order = order;
        Root = root;
        _index = new Dictionary<Value, int>(order.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < order.Count; i++)
        {
            _index.Add(order[i], i);
        }

        Uses = new int[order.Count];
        User = new int[order.Count];
        Group = new ModuleScope?[order.Count];
        Folded = new bool[order.Count];
        Chained = new bool[order.Count];
    }

    public IReadOnlyList<Value> Order { get; }

    public Value Root { get; }

    /// <summary>How many operand slots use each value (a*a uses a twice).</summary>
    public int[] Uses { get; }

    /// <summary>The last user of each value (its only one when <see cref="Uses"/> is 1).</summary>
    public int[] User { get; }

    /// <summary>The collapsed module run that absorbs each value, if any.</summary>
    public ModuleScope?[] Group { get; }

    /// <summary>Constants folded into their users' operator labels.</summary>
    public bool[] Folded { get; }

    /// <summary>Intermediate values absorbed into their user's n-ary operator.</summary>
    public bool[] Chained { get; }

    public int IndexOf(Value value) => _index[value];

    public bool IsDrawn(int i) => Group[i] is null && !Folded[i] && !Chained[i];

    public static DrawingPlan Create(Value root, DrawingOptions options)
    {
        var plan = new DrawingPlan(root.TopologicalOrder(), root);
        var order = plan.Order;
        int rootIndex = order.Count - 1;

        // Users: counts, last user, and for leaves whether every user ran in the same module scope.
        bool collapse = options.Modules == ModuleView.Collapsed;
        var usersScope = new ModuleScope?[order.Count];
        var mixedUsers = new bool[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            var scope = order[i].Scope;
            if (collapse && !order[i].IsLeaf)
            {
                plan.Group[i] = scope?.AtDepth(options.ModuleDepth);
            }

            foreach (var input in order[i].Inputs)
            {
                int u = plan._index[input];
                mixedUsers[u] |= plan.Uses[u] > 0 && !ReferenceEquals(usersScope[u], scope);
                usersScope[u] = scope;
                plan.Uses[u]++;
                plan.User[u] = i;
            }
        }

        for (int i = 0; i < rootIndex; i++)
        {
            var value = order[i];

            // A leaf used by one module run only (a neuron's weights and bias, its constants) belongs
            // to it; leaves shared between runs (the inputs x) stay visible.
            if (collapse && value.IsLeaf && !mixedUsers[i])
            {
                plan.Group[i] = usersScope[i]?.AtDepth(options.ModuleDepth);
            }

            if (plan.Group[i] is null && options.FoldConstants && value.IsConstant && value.Label is null)
            {
                plan.Folded[i] = true;
            }
        }

        if (options.CollapseChains)
        {
            for (int i = 0; i < rootIndex; i++)
            {
                var value = order[i];
                int user = plan.User[i];
                plan.Chained[i] = plan.Group[i] is null && value.Label is null && plan.Uses[i] == 1
                    && value.Op is "+" or "*" && order[user].Op == value.Op
                    && plan.Group[user] is null && ReferenceEquals(order[user].Scope, value.Scope);
            }
        }

        return plan;
    }

    /// <summary>
    /// The operands an operator node draws for value <paramref name="i"/>: its inputs, with chained
    /// intermediates replaced by their own operands, left to right (iterative: chains can be long).
    /// </summary>
    public List<int> Operands(int i)
    {
        var operands = new List<int>();
        var pending = new Stack<int>();
        PushInputs(pending, i);
        while (pending.Count > 0)
        {
            int next = pending.Pop();
            if (Chained[next])
            {
                PushInputs(pending, next);
            }
            else
            {
                operands.Add(next);
            }
        }

        return operands;
    }

    private void PushInputs(Stack<int> pending, int i)
    {
        var inputs = Order[i].Inputs;
        for (int k = inputs.Count - 1; k >= 0; k--)
        {
            pending.Push(_index[inputs[k]]);
        }
    }
}
