using System.Buffers;
using System.Runtime.CompilerServices;
using MicroGrad.Viz.Drawing;

namespace MicroGrad.Viz.Planning;

/// <summary>
/// Decides, for every value of a graph, what draws it: its own node, a collapsed module node, the
/// n-ary operator of the chain it was absorbed into, or the operator it was folded into as a
/// constant. Every value maps to exactly one drawn node, so views hide values but never lose them.
/// </summary>
/// <remarks>
/// Its per-value arrays come from <see cref="ArrayPool{T}.Shared"/> (a big graph drawn again and again
/// would otherwise allocate megabytes of large-object arrays each time, and with them full GCs): dispose
/// the plan when the drawing is made. One not disposed is only collected as usual.
/// </remarks>
internal sealed class DrawingPlan : IDisposable
{
    private Dictionary<Value, int>? _index;
    private Value[] _order;

    private DrawingPlan(Value root)
    {
        int count = root.RentTopologicalOrder(out _order, out _inputs);
        Order = new ValueOrder(_order, count);
        Root = root;
        Uses = Rent<int>(count);
        User = Rent<int>(count);
        Owner = Rent<ModuleScope?>(count);
        _places = Rent<Placement>(count);
        _ordered = Rent<bool>(count);
    }

    /// <summary>Gives the arrays back to the pool; the plan is not to be used after.</summary>
    public void Dispose()
    {
        if (_order.Length == 0)
        {
            return;
        }

        Value.ReturnTopologicalOrder(_order, _inputs);
        Return(Uses);
        Return(User);
        Return(Owner);
        Return(_places);
        Return(_ordered);
        _order = [];
        Order.Detach();
    }

    /// <summary>
    /// An array of at least <paramref name="count"/> items, its first <paramref name="count"/> cleared: from
    /// the pool when it would be a large object, else a new one (cheap to collect, and a first small
    /// drawing does not set up a pool per item type).
    /// </summary>
    internal static T[] Rent<T>(int count)
    {
        if (count < PooledFrom)
        {
            return new T[count];
        }

        var array = ArrayPool<T>.Shared.Rent(count);
        Array.Clear(array, 0, count);
        return array;
    }

    /// <summary>Gives back an array of <see cref="Rent"/>, cleared when it holds references (the pool must not keep a graph alive).</summary>
    internal static void Return<T>(T[] array)
    {
        if (array.Length >= PooledFrom)
        {
            ArrayPool<T>.Shared.Return(array, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    private const int PooledFrom = 4096;

    public ValueOrder Order { get; }

    public Value Root { get; }

    /// <summary>How many operand slots use each value (a*a uses a twice).</summary>
    public int[] Uses { get; }

    /// <summary>The last user of each value (its only one when <see cref="Uses"/> is 1).</summary>
    public int[] User { get; }

    /// <summary>For leaves: the module run every in-module user of the leaf ran in (its owner), if one.</summary>
    public ModuleScope?[] Owner { get; }

    /// <summary>What draws each value: one placement per value.</summary>
    private readonly Placement[] _places;

    /// <summary>What draws value <paramref name="i"/>.</summary>
    public Placement PlaceOf(int i) => _places[i];

    /// <summary>The collapsed module run that absorbs value <paramref name="i"/>, if any.</summary>
    public ModuleScope? GroupOf(int i) => _places[i].Kind == PlacementKind.Module ? _runs[_places[i].Number] : null;

    // The collapsed runs and shared paths placements point to, numbered in order of first placement.
    private readonly List<ModuleScope> _runs = [];
    private readonly Dictionary<ModuleScope, int> _runNumbers = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _sharedPaths = [];
    private readonly Dictionary<string, int> _sharedNumbers = new(StringComparer.Ordinal);

    private Placement InModule(ModuleScope run)
    {
        if (!_runNumbers.TryGetValue(run, out int number))
        {
            number = _runs.Count;
            _runs.Add(run);
            _runNumbers.Add(run, number);
        }

        return Placement.InModule(number);
    }

    private Placement SharedBy(string path)
    {
        if (!_sharedNumbers.TryGetValue(path, out int number))
        {
            number = _sharedPaths.Count;
            _sharedPaths.Add(path);
            _sharedNumbers.Add(path, number);
        }

        return Placement.SharedBy(number);
    }

    /// <summary>
    /// For leaves used by several runs of the same module (the parameters every forward pass reuses):
    /// that module's path, drawn as one "parameters" node per path in the collapsed module view.
    /// </summary>
    public string? SharedOf(int i) => _places[i].Kind == PlacementKind.Shared ? _sharedPaths[_places[i].Number] : null;

    /// <summary>For a value cut off by a focus: which stub (numbered in order of appearance) counts it; -1 otherwise.</summary>
    public int StubOf(int i) => _places[i].Kind == PlacementKind.Stub ? _places[i].Number : -1;

    /// <summary>Whether value <paramref name="i"/> is a constant folded into its user's operator label.</summary>
    public bool IsFolded(int i) => _places[i].Kind == PlacementKind.Folded;

    /// <summary>Whether value <paramref name="i"/> is an intermediate absorbed into its user's n-ary operator.</summary>
    public bool IsChained(int i) => _places[i].Kind == PlacementKind.Chained;

    /// <summary>Whether value <paramref name="i"/> is a single-use term (a neuron's <c>w*x</c>) absorbed into the n-ary sum or product that uses it.</summary>
    public bool IsTerm(int i) => _places[i].Kind == PlacementKind.Term;

    /// <summary>For a value drawn as part of a fan-in group: which group (an index into <see cref="FanInGroups"/>); -1 otherwise.</summary>
    public int FanInOf(int i) => _places[i].Kind == PlacementKind.FanIn ? _places[i].Number : -1;

    /// <summary>The fan-in groups, in order of their operator.</summary>
    public List<FanInGroup> FanInGroups { get; } = [];

    /// <summary>Where <paramref name="value"/> is in <see cref="Order"/> (a map made on first use: the passes walk <see cref="InputsOf"/>).</summary>
    public int IndexOf(Value value)
    {
        if (_index is null)
        {
            _index = new Dictionary<Value, int>(Order.Count, ReferenceEqualityComparer.Instance);
            for (int i = 0; i < Order.Count; i++)
            {
                _index.Add(Order[i], i);
            }
        }

        return _index[value];
    }

    private readonly bool[] _ordered;

    /// <summary>Whether value <paramref name="i"/> is computed by a two-operand operation whose operands are not interchangeable (a - b, a / b, a ** b).</summary>
    public bool IsOrderedPair(int i) => _ordered[i];

    /// <summary>Whether value <paramref name="i"/> is a leaf (no inputs), read from the plan rather than the value.</summary>
    public bool IsLeaf(int i) => _inputs[2 * i] < 0;

    /// <summary>Each value's inputs as indices, two slots per value (-1 where it has fewer).</summary>
    private readonly int[] _inputs;

    /// <summary>The inputs of value <paramref name="i"/> as indices into <see cref="Order"/>, in operand order.</summary>
    public ReadOnlySpan<int> InputsOf(int i) => _inputs.AsSpan(2 * i, _inputs[2 * i] < 0 ? 0 : _inputs[(2 * i) + 1] < 0 ? 1 : 2);

    public bool IsDrawn(int i) => _places[i].Kind == PlacementKind.Own;

    /// <summary>
    /// Gives value <paramref name="i"/> its place. A value drawn by its own node can be given any other;
    /// a focus stub takes a value out of a collapsed module run (the module pass runs first); anything else
    /// would be a value in two places, which is a bug in a pass.
    /// </summary>
    private void Place(int i, Placement place)
    {
        var now = _places[i].Kind;
        if (now != PlacementKind.Own && !(now == PlacementKind.Module && place.Kind == PlacementKind.Stub))
        {
            throw new InvalidOperationException($"Value {i} is drawn as {now}; it cannot also be drawn as {place.Kind}.");
        }

        _places[i] = place;
    }

    /// <summary>The views in force: the options with every automatic choice made for this graph.</summary>
    public DrawingOptions Views { get; private set; } = DrawingOptions.Default;

    public static DrawingPlan Create(Value root, DrawingOptions requested)
    {
        var plan = new DrawingPlan(root);
        var order = plan.Order;
        bool big = order.Count > requested.AutoViewThreshold;
        bool huge = order.Count > requested.AutoModuleThreshold && order.Any(v => v.Scope is not null);
        var options = requested with
        {
            FoldConstants = requested.FoldConstants ?? big,
            CollapseChains = requested.CollapseChains ?? big,
            CollapseTerms = requested.CollapseTerms ?? big,
            Modules = requested.Modules ?? (huge ? ModuleView.Collapsed : ModuleView.None),
            GroupFanIn = requested.GroupFanIn ?? true,
        };
        plan.Views = options;
        int rootIndex = order.Count - 1;

        // Users: counts, last user, and for leaves whether every user ran in the same module scope.
        bool collapse = options.Modules == ModuleView.Collapsed;
        var usersScope = Rent<ModuleScope?>(order.Count);
        var mixedUsers = Rent<bool>(order.Count);
        var usersPath = collapse ? new string?[order.Count] : [];
        var usersRun = collapse ? new ModuleScope?[order.Count] : [];
        var severalRuns = collapse ? new bool[order.Count] : [];
        for (int i = 0; i < order.Count; i++)
        {
            var scope = order[i].Scope;
            if (collapse && !order[i].IsLeaf && scope?.AtDepth(options.ModuleDepth) is { } ownRun)
            {
                plan.Place(i, plan.InModule(ownRun));
            }

            plan._ordered[i] = order[i].Operation is { IsOrdered: true, Arity: 2 };
            foreach (int u in plan.InputsOf(i))
            {
                if (collapse && order[u].IsLeaf && scope?.AtDepth(options.ModuleDepth) is { } run)
                {
                    // The module path every in-module user of a leaf ran at ("" once they disagree),
                    // and whether they ran in more than one run of it.
                    usersPath[u] = usersPath[u] is null || usersPath[u] == run.Path ? run.Path : string.Empty;
                    severalRuns[u] |= usersRun[u] is not null && !ReferenceEquals(usersRun[u], run);
                    usersRun[u] = run;
                }

                if (scope is not null)
                {
                    // Users outside every module (a loss, a regularisation term) do not decide ownership.
                    mixedUsers[u] |= usersScope[u] is not null && !ReferenceEquals(usersScope[u], scope);
                    usersScope[u] = scope;
                }

                plan.Uses[u]++;
                plan.User[u] = i;
            }
        }

        var userHidden = options.Focus is null ? [] : new bool[order.Count];
        if (options.Focus is { } focus)
        {
            plan.CutOff(focus, options.FocusDepth);
            for (int i = 0; i < order.Count; i++)
            {
                if (plan.StubOf(i) >= 0)
                {
                    foreach (int u in plan.InputsOf(i))
                    {
                        userHidden[u] = true;
                    }
                }
            }
        }

        for (int i = 0; i < rootIndex; i++)
        {
            var value = order[i];

            if (plan.StubOf(i) >= 0)
            {
                continue;
            }

            plan.Owner[i] = value.IsLeaf && !mixedUsers[i] ? usersScope[i] : null;

            // A leaf used inside one module run only (a neuron's weights and bias, its constants)
            // belongs to it; leaves shared between runs (the inputs x) stay visible.
            if (collapse && value.IsLeaf && !mixedUsers[i])
            {
                if (usersScope[i]?.AtDepth(options.ModuleDepth) is { } owner)
                {
                    plan.Place(i, plan.InModule(owner));
                }
            }
            else if (collapse && value.IsLeaf && severalRuns[i] && usersPath[i] is { Length: > 0 } path)
            {
                plan.Place(i, plan.SharedBy(path));
            }

            if (plan.IsDrawn(i) && (userHidden.Length == 0 || !userHidden[i]) && options.FoldConstants == true && value.IsConstant && value.Label is null)
            {
                plan.Place(i, Placement.Folded);
            }
        }

        Return(usersScope);
        Return(mixedUsers);
        if (options.CollapseChains == true)
        {
            plan.Absorbs = true;
            for (int i = 0; i < rootIndex; i++)
            {
                var value = order[i];
                int user = plan.User[i];
                if (plan.StubOf(i) < 0 && plan.StubOf(user) < 0 && plan.GroupOf(i) is null && value.Label is null && plan.Uses[i] == 1
                    && value.Operation is { Chains: true } && order[user].Operation == value.Operation
                    && plan.GroupOf(user) is null && ReferenceEquals(order[user].Scope, value.Scope))
                {
                    plan.Place(i, Placement.Chained);
                }
            }
        }

        if (options.CollapseTerms == true)
        {
            plan.Absorbs = true;
            for (int i = 0; i < order.Count; i++)
            {
                if (!plan.IsDrawn(i) || order[i].Operation is not { Chains: true })
                {
                    continue;
                }

                var operands = plan.Operands(i);
                if (operands.Count < 3)
                {
                    continue;
                }

                foreach (int u in operands)
                {
                    var term = order[u];
                    if (!term.IsLeaf && term.Label is null && plan.Uses[u] == 1 && plan.IsDrawn(u)
                        && ReferenceEquals(term.Scope, order[i].Scope))
                    {
                        plan.Place(u, Placement.Term);
                    }
                }
            }
        }

        if (options.GroupFanIn == true)
        {
            plan.GroupFanIns(options.FanInThreshold);
        }

        return plan;
    }

    /// <summary>
    /// Groups, for every operator with more than <paramref name="threshold"/> sources, the sources
    /// nothing else uses: its leaves, and its terms of one operation whose inputs are such leaves
    /// (each <c>a*b</c> of a sum of products whose terms are drawn) together with those leaves.
    /// </summary>
    private void GroupFanIns(int threshold)
    {
        var sources = new List<int>();
        for (int i = 0; i < Order.Count; i++)
        {
            if (!IsDrawn(i) || Order[i].IsLeaf || Expand(i, expandTerms: true, sources).Count <= threshold)
            {
                continue;
            }

            var leaves = sources.FindAll(IsLoneLeaf);
            if (leaves.Count > threshold)
            {
                AddFanIn(i, string.Empty, leaves, hidden: []);
            }

            foreach (var terms in sources.FindAll(IsLoneTerm).GroupBy(u => Order[u].Op, StringComparer.Ordinal))
            {
                var members = terms.ToList();
                if (members.Count > threshold)
                {
                    var hidden = members.SelectMany(u => InputsOf(u).ToArray()).Where(IsLoneLeaf).ToList();
                    AddFanIn(i, terms.Key, members, hidden);
                }
            }
        }
    }

    // A value that is drawn, used once and is a leaf: nothing else connects to it.
    private bool IsLoneLeaf(int u) => IsDrawn(u) && Order[u].IsLeaf && Uses[u] == 1;

    // A term that is drawn, unlabelled, used once, and whose inputs are lone leaves or folded constants.
    private bool IsLoneTerm(int u) =>
        IsDrawn(u) && !Order[u].IsLeaf && Order[u].Label is null && Uses[u] == 1
        && AllInputs(u, k => IsLoneLeaf(k) || IsFolded(k));

    private bool AllInputs(int i, Func<int, bool> rule)
    {
        foreach (int u in InputsOf(i))
        {
            if (!rule(u))
            {
                return false;
            }
        }

        return true;
    }

    private void AddFanIn(int op, string kind, List<int> members, List<int> hidden)
    {
        int group = FanInGroups.Count;
        FanInGroups.Add(new FanInGroup(op, kind, members, hidden.Count));
        foreach (int u in members.Concat(hidden))
        {
            Place(u, Placement.InFanIn(group));
        }
    }

    /// <summary>
    /// Values drawn as one counted node: the <paramref name="Members"/> (leaves when <paramref name="Kind"/>
    /// is empty, else terms of that operation) feeding operator <paramref name="Operator"/>, plus
    /// <paramref name="Hidden"/> leaves inside those terms.
    /// </summary>
    internal sealed record FanInGroup(int Operator, string Kind, List<int> Members, int Hidden);

    /// <summary>How many nodes the drawing has: drawn values and their operators, module runs, shared parameters, stubs.</summary>
    public int CountNodes()
    {
        int count = 0;
        var groups = new HashSet<ModuleScope>(ReferenceEqualityComparer.Instance);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        var stubs = new HashSet<int>();
        for (int i = 0; i < Order.Count; i++)
        {
            if (IsDrawn(i))
            {
                count += IsLeaf(i) ? 1 : 2;
            }
            else if (StubOf(i) >= 0)
            {
                count += stubs.Add(StubOf(i)) ? 1 : 0;
            }
            else if (GroupOf(i) is { } group)
            {
                count += groups.Add(group) ? 1 : 0;
            }
            else if (SharedOf(i) is { } path)
            {
                count += shared.Add(path) ? 1 : 0;
            }
        }

        return count + FanInGroups.Count;
    }

    /// <summary>
    /// The operands an operator node draws for value <paramref name="i"/>: its inputs, with chained
    /// intermediates replaced by their own operands, left to right (iterative: chains can be long).
    /// </summary>
    public List<int> Operands(int i) => Expand(i, expandTerms: false, []);

    /// <summary>
    /// Fills <paramref name="into"/> (cleared first) with the operands of <paramref name="i"/> or, with
    /// <paramref name="expandTerms"/>, where its edges come from: absorbed terms replaced by their inputs.
    /// </summary>
    public List<int> Expand(int i, bool expandTerms, List<int> into)
    {
        into.Clear();
        if (!Absorbs)
        {
            foreach (int u in InputsOf(i))
            {
                into.Add(u);
            }

            return into;
        }

        var pending = new Stack<int>();
        PushInputs(pending, i);
        while (pending.Count > 0)
        {
            int next = pending.Pop();
            if (IsChained(next) || (expandTerms && IsTerm(next)))
            {
                PushInputs(pending, next);
            }
            else
            {
                into.Add(next);
            }
        }

        return into;
    }

    /// <summary>
    /// Keeps the focused value and its neighbourhood (or its ancestors) and numbers the connected
    /// parts of everything else as stubs, in order of appearance.
    /// </summary>
    private void CutOff(string focus, int? depth)
    {
        int n = Order.Count;
        int start = -1;
        for (int i = 0; i < n && start < 0; i++)
        {
            start = string.Equals(Order[i].Label, focus, StringComparison.Ordinal) ? i : -1;
        }

        if (start < 0)
        {
            throw new ArgumentException($"No value in the graph is labelled '{focus}', so there is nothing to focus on.", nameof(focus));
        }

        var users = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            foreach (int u in InputsOf(i))
            {
                (users[u] ??= []).Add(i);
            }
        }

        IEnumerable<int> Neighbours(int i, bool upstreamOnly)
        {
            for (int k = 0; k < 2 && _inputs[(2 * i) + k] >= 0; k++)
            {
                yield return _inputs[(2 * i) + k];
            }

            if (!upstreamOnly && users[i] is { } list)
            {
                foreach (int user in list)
                {
                    yield return user;
                }
            }
        }

        var distance = new int[n];
        Array.Fill(distance, -1);
        distance[start] = 0;
        var queue = new Queue<int>([start]);
        while (queue.Count > 0)
        {
            int i = queue.Dequeue();
            if (depth is int limit && distance[i] >= limit)
            {
                continue;
            }

            foreach (int next in Neighbours(i, upstreamOnly: depth is null))
            {
                if (distance[next] < 0)
                {
                    distance[next] = distance[i] + 1;
                    queue.Enqueue(next);
                }
            }
        }

        int stubs = 0;
        for (int i = 0; i < n; i++)
        {
            if (distance[i] >= 0 || StubOf(i) >= 0)
            {
                continue;
            }

            // A new cut-off part: everything hidden that connects to it.
            Place(i, Placement.InStub(stubs));
            queue.Enqueue(i);
            while (queue.Count > 0)
            {
                foreach (int next in Neighbours(queue.Dequeue(), upstreamOnly: false))
                {
                    if (distance[next] < 0 && StubOf(next) < 0)
                    {
                        Place(next, Placement.InStub(stubs));
                        queue.Enqueue(next);
                    }
                }
            }

            stubs++;
        }
    }

    /// <summary>Whether any value was absorbed into an operator (chains or terms); if not, operands are just inputs.</summary>
    public bool Absorbs { get; private set; }

    private void PushInputs(Stack<int> pending, int i)
    {
        var inputs = InputsOf(i);
        for (int k = inputs.Length - 1; k >= 0; k--)
        {
            pending.Push(inputs[k]);
        }
    }
}
