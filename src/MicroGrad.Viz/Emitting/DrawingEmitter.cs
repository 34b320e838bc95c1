using System.Globalization;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Planning;
using MicroGrad.Viz.Text;

namespace MicroGrad.Viz.Emitting;

/// <summary>Turns a <see cref="DrawingPlan"/> into DOT nodes, clusters and edges.</summary>
internal sealed class DrawingEmitter
{
    private readonly DrawingPlan _plan;
    private readonly DrawingOptions _options;
    private readonly DotGraph _graph = new();
    private readonly string?[] _ids;
    private readonly string?[] _opIds;
    private readonly Dictionary<ModuleScope, string> _groupIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ModuleScope, DotSubgraph> _clusters = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ModuleScope, (int Members, List<int> Outputs)> _groups;
    private readonly Dictionary<string, string> _sharedIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _stubSizes = [];
    private readonly bool _leftToRight;
    private readonly double _gradientScale;
    private readonly bool _tooltips;
    private readonly bool[] _fanInDrawn;

    private DotSink _sink;

    // Scratch lists and predicates reused for every operator node: a big graph has tens of thousands.
    private readonly List<int> _operands = [];
    private readonly List<int> _sources = [];
    private readonly Predicate<int> _isTerm;
    private readonly Predicate<int> _isFolded;

    public DrawingEmitter(DrawingPlan plan)
    {
        _sink = new DotSink.Model(_graph);
        _isTerm = u => plan.IsTerm(u);
        _isFolded = u => plan.IsFolded(u);
        _plan = plan;
        _options = plan.Views;
        _ids = new string?[plan.Order.Count];
        _opIds = new string?[plan.Order.Count];
        _groups = _options.Modules == ModuleView.Collapsed ? SummariseGroups(plan) : []; // only collapsing makes groups
        _leftToRight = _options.Direction == RankDirection.LeftToRight;
        _gradientScale = _options.ColorByGradient ? GradientPalette.Scale(plan.Order.Select(v => v.Grad)) : 0;
        _tooltips = _options.Tooltips ?? plan.CountNodes() <= DrawingOptions.TooltipThreshold;
        _fanInDrawn = new bool[plan.FanInGroups.Count];
    }

    private void SetTooltip(DotNode node, Value value)
    {
        if (_tooltips)
        {
            node.Attributes.Set("tooltip", DotDrawing.Tooltip(value));
        }
    }

    /// <summary>Whether value nodes carry tooltips: as asked, or decided by the drawing's size.</summary>
    public bool Tooltips => _tooltips;

    /// <summary>After building: the id of each value's own node, by index in the plan's order (null when another node draws it).</summary>
    public IReadOnlyList<string?> NodeIds => _ids;

    /// <summary>After building: the id of each value's operator node, by index (null for leaves and values without one).</summary>
    public IReadOnlyList<string?> OperatorIds => _opIds;

    /// <summary>Builds the DOT model.</summary>
    public DotGraph Build()
    {
        Emit();
        return _graph;
    }

    /// <summary>Writes the DOT straight to <paramref name="writer"/>, holding only the edges; not for clusters.</summary>
    public void WriteTo(TextWriter writer)
    {
        var stream = new DotSink.Stream(writer, _graph, _plan.Order.Count * 2, _options);
        _sink = stream;
        Emit();
        stream.Finish();
    }

    private void Emit()
    {
        var attributes = _graph.GraphAttributes;
        attributes.Set("rankdir", _leftToRight ? "LR" : "TB");
        attributes.Set("fontname", _options.FontName);

        // dot ignores it; the force-directed and circular engines (neato, fdp, sfdp, twopi, circo)
        // otherwise draw records on top of each other. Scaling, not false (= prism), voronoi or vpsc: on
        // sfdp those need the triangulation library, which Graphviz in-process is built without.
        attributes.Set("overlap", "scalexy");
        if (_options.Title is not null)
        {
            attributes.Set("label", _options.Title);
            attributes.Set("labelloc", "t");
        }

        _graph.NodeDefaults.Set("shape", "record");
        _graph.NodeDefaults.Set("fontname", _options.FontName);
        _graph.EdgeDefaults.Set("fontname", _options.FontName);
        if (_plan.CountNodes() > _options.FastLayoutThreshold)
        {
            // Measured on the one-point MLP graph: these keep dot's network simplex and crossing
            // minimisation from running for minutes on wide, dense graphs.
            attributes.Set("nslimit", "2");
            attributes.Set("nslimit1", "2");
            attributes.Set("mclimit", "0.1");
            attributes.Set("splines", "line");
        }

        var order = _plan.Order;
        if (_options.Modules == ModuleView.Clusters)
        {
            // Clusters in the order modules computed, numbered from the top down: a module's first computed
            // value comes after those of the modules it reads from, so layer 0 comes before layer 1 and
            // neuron 0 before neuron 1 (the order Graphviz starts its layout from).
            var children = new Dictionary<ModuleScope, List<ModuleScope>>(ReferenceEqualityComparer.Instance);
            var top = new List<ModuleScope>();
            for (int i = 0; i < order.Count; i++)
            {
                if (!order[i].IsLeaf && order[i].Scope is { } scope && _plan.IsDrawn(i))
                {
                    // New scopes join their parent's children from the top down (a known scope's parents are known).
                    var added = new Stack<ModuleScope>();
                    for (var s = scope; s is not null && children.TryAdd(s, []); s = s.Parent)
                    {
                        added.Push(s);
                    }

                    foreach (var s in added)
                    {
                        (s.Parent is null ? top : children[s.Parent]).Add(s);
                    }
                }
            }

            var pending = new Stack<ModuleScope>(Enumerable.Reverse(top));
            while (pending.Count > 0)
            {
                var scope = pending.Pop();
                Cluster(scope);
                for (int k = children[scope].Count - 1; k >= 0; k--)
                {
                    pending.Push(children[scope][k]);
                }
            }
        }

        int next = 0;
        for (int i = 0; i < order.Count; i++)
        {
            if (_plan.GroupOf(i) is { } group)
            {
                if (!_groupIds.ContainsKey(group))
                {
                    AddGroupNode(group);
                }

                continue;
            }

            if (_plan.StubOf(i) >= 0)
            {
                AddStubNode(_plan.StubOf(i));
                continue;
            }

            if (_plan.SharedOf(i) is { } path)
            {
                if (!_sharedIds.ContainsKey(path))
                {
                    AddSharedNode(path);
                }

                continue;
            }

            if (_plan.FanInOf(i) is int fanIn and >= 0)
            {
                if (!_fanInDrawn[fanIn])
                {
                    AddFanInNode(fanIn, Container(_plan.FanInGroups[fanIn].Operator));
                }

                continue;
            }

            if (!_plan.IsDrawn(i))
            {
                continue;
            }

            var value = order[i];
            string id = "v" + next++.ToString(CultureInfo.InvariantCulture);
            _ids[i] = id;
            var cluster = Container(i);
            if (_options.ColorByGradient)
            {
                var node = _sink.AddNode(cluster, id);
                node.Attributes.Set("label", DotValue.FromRecord(DotDrawing.Record(value, _options, _leftToRight, ShownLabel(i))));
                SetTooltip(node, value);
                DotDrawing.ApplyGradientStyle(node.Attributes, value.Grad, _gradientScale, ReferenceEquals(value, _plan.Root));
            }
            else
            {
                var style = DotDrawing.RoleStyle(value, _plan.Root, _options);
                if (!_sink.TryWriteValueNode(id, value, style, _tooltips))
                {
                    var node = _sink.AddNode(cluster, id);
                    node.Attributes.Set("label", DotValue.FromRecord(DotDrawing.Record(value, _options, _leftToRight, ShownLabel(i))));
                    SetTooltip(node, value);
                    DotDrawing.ApplyStyle(node.Attributes, style);
                }
            }

            if (!value.IsLeaf)
            {
                string opId = id + "_op";
                _opIds[i] = opId;
                string label = OperatorLabel(i);
                if (!_sink.TryWriteOperatorNode(opId, label))
                {
                    var op = _sink.AddNode(cluster, opId);
                    op.Attributes.Set("label", label);
                    op.Attributes.Set("shape", "ellipse");
                    DotDrawing.ApplyStyle(op.Attributes, _options.OperatorStyle);
                }
            }
        }

        AddEdges();
    }



    private void AddGroupNode(ModuleScope group)
    {
        string id = "m" + _groupIds.Count.ToString(CultureInfo.InvariantCulture);
        _groupIds.Add(group, id);
        var (members, outputs) = _groups[group];
        var fields = new List<DotRecordField> { DotRecordField.FromText(group.Path) };
        if (outputs.Count == 1)
        {
            var output = _plan.Order[outputs[0]];
            fields.Add(DotRecordField.FromText("data " + NumberText.Format(output.Data, _options.Precision, _options.RoundTrip)));
            fields.Add(DotRecordField.FromText("grad " + NumberText.Format(output.Grad, _options.Precision, _options.RoundTrip)));
        }
        else
        {
            fields.Add(DotRecordField.FromText(outputs.Count.ToString(CultureInfo.InvariantCulture) + " outputs"));
        }

        fields.Add(DotRecordField.FromText(members.ToString(CultureInfo.InvariantCulture) + " values"));
        var node = _sink.AddNode(null, id);
        node.Attributes.Set("label", DotValue.FromRecord(_leftToRight ? new DotRecord(DotRecordField.FromGroup(fields)) : new DotRecord(fields)));
        DotDrawing.ApplyStyle(node.Attributes, _options.ModuleStyle);
    }

    private void AddFanInNode(int index, DotSubgraph? cluster)
    {
        _fanInDrawn[index] = true;
        var group = _plan.FanInGroups[index];
        var members = group.Members.ConvertAll(u => _plan.Order[u]);
        string count = members.Count.ToString(CultureInfo.InvariantCulture);
        var fields = new List<DotRecordField>();
        if (group.Kind.Length == 0)
        {
            fields.Add(DotRecordField.FromText(count + " inputs"));
            if (members[0].Label is { } first && members[^1].Label is { } last)
            {
                fields.Add(DotRecordField.FromText(first == last ? first : first + " … " + last));
            }
        }
        else
        {
            fields.Add(DotRecordField.FromText(count + " terms (" + group.Kind + ")"));
            fields.Add(DotRecordField.FromText((members.Count + group.Hidden).ToString(CultureInfo.InvariantCulture) + " values"));
        }

        if (_options.Fields.HasFlag(ValueFields.Data))
        {
            fields.Add(DotRecordField.FromText("data " + Range(members.Select(v => v.Data))));
        }

        if (_options.Fields.HasFlag(ValueFields.Grad))
        {
            fields.Add(DotRecordField.FromText("grad " + Range(members.Select(v => v.Grad))));
        }

        var node = _sink.AddNode(cluster, FanInId(index));
        node.Attributes.Set("label", DotValue.FromRecord(_leftToRight ? new DotRecord(DotRecordField.FromGroup(fields)) : new DotRecord(fields)));
        DotDrawing.ApplyStyle(node.Attributes, group.Kind.Length == 0 ? _options.LeafStyle : _options.IntermediateStyle);

        // Dashed, as stubs: a node that stands for many values.
        node.Attributes.Set("style", group.Kind.Length == 0 && _options.LeafStyle.FillColor is not null ? "filled,dashed" : "dashed");
    }

    /// <summary>The smallest and largest of some numbers, <c>-0.9953 … 0.9987</c> (one number when they agree), NaN noted apart.</summary>
    private string Range(IEnumerable<double> numbers)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        bool nan = false;
        foreach (double x in numbers)
        {
            nan |= double.IsNaN(x);
            low = double.IsNaN(x) ? low : Math.Min(low, x);
            high = double.IsNaN(x) ? high : Math.Max(high, x);
        }

        string Text(double x) => NumberText.Format(x, _options.Precision, _options.RoundTrip);
        string range = low > high ? string.Empty : low == high ? Text(low) : Text(low) + " … " + Text(high);
        return nan ? (range.Length > 0 ? range + ", NaN" : "NaN") : range;
    }

    private static string FanInId(int index) => "g" + index.ToString(CultureInfo.InvariantCulture);

    private void AddStubNode(int stub)
    {
        string id = StubId(stub);
        if (_stubSizes.ContainsKey(stub))
        {
            return;
        }

        int count = Enumerable.Range(0, _plan.Order.Count).Count(i => _plan.StubOf(i) == stub);
        _stubSizes.Add(stub, count);
        var node = _sink.AddNode(null, id);
        node.Attributes.Set("label", "… " + count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " value" : " values"));
        node.Attributes.Set("shape", "box");
        node.Attributes.Set("style", "dashed");
        node.Attributes.Set("color", "#6b7280");
        node.Attributes.Set("fontcolor", "#6b7280");
    }

    private static string StubId(int stub) => "s" + stub.ToString(CultureInfo.InvariantCulture);

    private void AddSharedNode(string path)
    {
        string id = "p" + _sharedIds.Count.ToString(CultureInfo.InvariantCulture);
        _sharedIds.Add(path, id);
        int count = Enumerable.Range(0, _plan.Order.Count).Count(i => string.Equals(_plan.SharedOf(i), path, StringComparison.Ordinal));
        var fields = new List<DotRecordField>
        {
            DotRecordField.FromText(path + " parameters"),
            DotRecordField.FromText(count.ToString(CultureInfo.InvariantCulture) + " values"),
        };
        var node = _sink.AddNode(null, id);
        node.Attributes.Set("label", DotValue.FromRecord(_leftToRight ? new DotRecord(DotRecordField.FromGroup(fields)) : new DotRecord(fields)));
        DotDrawing.ApplyStyle(node.Attributes, _options.LeafStyle);
    }

    /// <summary>
    /// Each collapsed module run's size and outputs: the values it computed that something outside it
    /// uses (its parameters, though used outside by a regularisation term, are not outputs).
    /// </summary>
    private static Dictionary<ModuleScope, (int Members, List<int> Outputs)> SummariseGroups(DrawingPlan plan)
    {
        var order = plan.Order;
        var usedOutside = new bool[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            foreach (var input in order[i].Inputs)
            {
                int u = plan.IndexOf(input);
                usedOutside[u] |= !ReferenceEquals(plan.GroupOf(u), plan.GroupOf(i));
            }
        }

        var groups = new Dictionary<ModuleScope, (int Members, List<int> Outputs)>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < order.Count; i++)
        {
            if (plan.GroupOf(i) is not { } group)
            {
                continue;
            }

            var (members, outputs) = groups.TryGetValue(group, out var found) ? found : (0, new List<int>());
            if (i == order.Count - 1 || (!order[i].IsLeaf && usedOutside[i]))
            {
                outputs.Add(i);
            }

            groups[group] = (members + 1, outputs);
        }

        return groups;
    }

    private void AddEdges()
    {
        var order = _plan.Order;
        var groupEdges = new HashSet<(string, string)>();
        for (int i = 0; i < order.Count; i++)
        {
            if (_plan.StubOf(i) >= 0)
            {
                // Values the focus keeps that feed a cut-off part.
                string stub = StubId(_plan.StubOf(i));
                foreach (var input in order[i].Inputs)
                {
                    int u = _plan.IndexOf(input);
                    if (_plan.StubOf(u) != _plan.StubOf(i) && !_plan.IsFolded(u) && groupEdges.Add((Source(u), stub)))
                    {
                        _sink.AddEdge(Source(u), stub);
                    }
                }

                continue;
            }

            if (_plan.GroupOf(i) is { } group)
            {
                string target = _groupIds[group];
                foreach (var input in order[i].Inputs)
                {
                    int u = _plan.IndexOf(input);
                    if (!ReferenceEquals(_plan.GroupOf(u), group) && !_plan.IsFolded(u) && groupEdges.Add((Source(u), target)))
                    {
                        _sink.AddEdge(Source(u), target);
                    }
                }

                continue;
            }

            if (!_plan.IsDrawn(i) || order[i].IsLeaf)
            {
                continue;
            }

            string op = _opIds[i]!;
            var operands = _plan.Expand(i, expandTerms: false, _operands);
            bool hasTerms = operands.Exists(_isTerm);
            HashSet<string>? opEdges = null;

            // a - b, a / b, a ** b: when both operands arrive as edges, each edge says which it is.
            // (With a constant folded into the operator, its label already shows the order: "- 1".)
            if (order[i].Operation is { IsOrdered: true, Arity: 2 })
            {
                int left = _plan.IndexOf(order[i].Inputs[0]), right = _plan.IndexOf(order[i].Inputs[1]);
                if (!_plan.IsFolded(left) && !_plan.IsFolded(right))
                {
                    _sink.AddOperandEdge(Source(left), op, 1);
                    _sink.AddOperandEdge(Source(right), op, 2);
                    _sink.AddEdge(op, _ids[i]!);
                    continue;
                }
            }

            foreach (int u in _plan.Expand(i, expandTerms: true, _sources))
            {
                if (_plan.IsFolded(u))
                {
                    continue;
                }

                // A collapsed module, or the inputs of absorbed terms, feed an operator through one edge
                // each; otherwise every operand slot gets its edge (a*a draws two).
                bool once = hasTerms || _plan.GroupOf(u) is not null || _plan.SharedOf(u) is not null || _plan.StubOf(u) >= 0 || _plan.FanInOf(u) >= 0;
                if (!once || (opEdges ??= new HashSet<string>(StringComparer.Ordinal)).Add(Source(u)))
                {
                    _sink.AddEdge(Source(u), op);
                }
            }

            _sink.AddEdge(op, _ids[i]!);
        }
    }

    private string Source(int u) =>
        _plan.StubOf(u) >= 0 ? StubId(_plan.StubOf(u))
        : _plan.GroupOf(u) is { } group ? _groupIds[group]
        : _plan.SharedOf(u) is { } path ? _sharedIds[path]
        : _plan.FanInOf(u) >= 0 ? FanInId(_plan.FanInOf(u))
        : _ids[u]!;

    private string OperatorLabel(int i)
    {
        var value = _plan.Order[i];
        var operands = _plan.Expand(i, expandTerms: false, _operands);
        bool nary = operands.Count > 2;
        if (!nary && !operands.Exists(_isFolded))
        {
            return value.Op;
        }

        string count = operands.Count.ToString(CultureInfo.InvariantCulture) + (operands.Exists(_isTerm) ? " terms" : string.Empty);
        bool sum = value.Operation == Operation.Add;
        string op = nary ? (sum ? "Σ" : "Π") + " (" + count + ")" : value.Op;
        var folded = operands.FindAll(_isFolded);
        if (folded.Count == 0)
        {
            return op;
        }

        if (nary)
        {
            string joiner = sum ? " + " : " × ";
            return op + string.Concat(folded.Select(u => joiner + NumberText.Constant(_plan.Order[u].Data)));
        }

        if (operands.Count == 1)
        {
            return op + " " + NumberText.Constant(_plan.Order[operands[0]].Data);
        }

        string left = _plan.IsFolded(operands[0]) ? NumberText.Constant(_plan.Order[operands[0]].Data) + " " : string.Empty;
        string right = _plan.IsFolded(operands[1]) ? " " + NumberText.Constant(_plan.Order[operands[1]].Data) : string.Empty;
        return left + op + right;
    }

    /// <summary>Where a value's nodes go: its module's cluster (a parameter goes to the module that uses it), or the top (null).</summary>
    private DotSubgraph? Container(int i)
    {
        var value = _plan.Order[i];
        var scope = value.IsLeaf ? _plan.Owner[i] : value.Scope;
        return _options.Modules != ModuleView.Clusters || scope is null ? null : Cluster(scope);
    }

    private DotSubgraph Cluster(ModuleScope scope)
    {
        if (_clusters.TryGetValue(scope, out var existing))
        {
            return existing;
        }

        var parent = scope.Parent is null ? null : Cluster(scope.Parent); // numbered after its parent
        var cluster = new DotSubgraph("cluster_" + _clusters.Count.ToString(CultureInfo.InvariantCulture));
        cluster.Attributes.Set("label", scope.Name);
        cluster.Attributes.Set("style", "rounded");
        cluster.Attributes.Set("color", "#7c3aed");
        _clusters.Add(scope, cluster);
        (parent?.Subgraphs ?? _graph.Subgraphs).Add(cluster);
        return cluster;
    }

    /// <summary>
    /// The label a value node shows: its own, except that inside its owner's cluster a parameter
    /// labelled with the owner's path (<c>layer0.neuron1.w0</c>) shows the rest (<c>w0</c>): the box says whose it is.
    /// </summary>
    private string? ShownLabel(int i)
    {
        var value = _plan.Order[i];
        return _options.Modules == ModuleView.Clusters && value.IsLeaf && _plan.Owner[i] is { } owner && value.Label is { } label
            && label.Length > owner.Path.Length + 1 && label.StartsWith(owner.Path, StringComparison.Ordinal) && label[owner.Path.Length] == '.'
            ? label[(owner.Path.Length + 1)..]
            : value.Label;
    }
}
