using System.Globalization;
using System.Runtime.InteropServices;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Planning;
using MicroGrad.Viz.Text;

namespace MicroGrad.Viz.Emitting;

/// <summary>
/// Turns a <see cref="DrawingPlan"/> into DOT statements — nodes, clusters, edges — for an
/// <see cref="IDotSink"/>: written straight out by <see cref="DotWriter"/>, or collected into a model.
/// One route for both, so the model and the text never differ.
/// </summary>
/// <remarks>
/// Two passes: the first numbers the nodes in the plan's order (<c>v0</c>, <c>v1</c>, … with
/// <c>v3_op</c> for the operator of <c>v3</c>; <c>m</c>, <c>p</c>, <c>s</c>, <c>g</c> for module runs,
/// shared parameters, stubs and fan-in groups) and puts each in its cluster; the second sends them
/// in DOT's order (top-level nodes, then each cluster with its own), then the edges.
/// The emitter owns its plan: disposing it gives both their pooled arrays back.
/// </remarks>
internal sealed class DrawingEmitter : IDisposable
{
    private const string ValuePrefix = "v";
    private const string OperatorSuffix = "_op";

    private readonly DrawingPlan _plan;
    private readonly DrawingOptions _options;
    private int[] _numbers;
    private readonly Dictionary<ModuleScope, int> _groupIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ModuleScope, (int Members, List<int> Outputs)> _groups;
    private readonly Dictionary<string, int> _sharedIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sharedSizes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _stubSizes = [];
    private readonly bool[] _fanInPlaced;
    private readonly Dictionary<ModuleScope, Cluster> _clusters = new(ReferenceEqualityComparer.Instance);
    private readonly Cluster _top;
    private readonly bool _leftToRight;
    private readonly double _gradientScale;
    private readonly int _nodeCount;

    // Reused for every node: a big graph has tens of thousands.
    private readonly DotRecordBuffer _record = new();
    private readonly List<int> _operands = [];
    private readonly List<int> _sources = [];
    private readonly DotTemplate _outputLook, _constantLook, _leafLook, _intermediateLook;
    private readonly Dictionary<string, DotTemplate> _operatorLooks = new(StringComparer.Ordinal);
    private readonly DotTemplate?[] _operatorLooksByKind = new DotTemplate?[byte.MaxValue + 1]; // by OperationKind (a byte); no reflection at start-up
    private readonly DotTemplate _firstOperand, _secondOperand;

    public DrawingEmitter(DrawingPlan plan)
    {
        _plan = plan;
        _options = plan.Views;
        _numbers = DrawingPlan.Rent<int>(plan.Order.Count);
        _top = new Cluster(string.Empty, null);
        _groups = _options.Modules == ModuleView.Collapsed ? SummariseGroups(plan) : []; // only collapsing makes groups
        _leftToRight = _options.Direction == RankDirection.LeftToRight;
        _gradientScale = _options.ColorByGradient ? GradientPalette.Scale(plan.Order.Select(v => v.Grad)) : 0;
        _nodeCount = plan.CountNodes();
        Tooltips = _options.Tooltips ?? _nodeCount <= DrawingOptions.TooltipThreshold;
        _fanInPlaced = new bool[plan.FanInGroups.Count];
        _outputLook = Look(_options.OutputStyle);
        _constantLook = Look(_options.ConstantStyle);
        _leafLook = Look(_options.LeafStyle);
        _intermediateLook = Look(_options.IntermediateStyle);
        _firstOperand = OperandMark("1");
        _secondOperand = OperandMark("2");
        Number();
    }

    /// <summary>Whether value nodes carry tooltips: as asked, or decided by the drawing's size.</summary>
    public bool Tooltips { get; }

    /// <summary>The plan drawn; the emitter owns it.</summary>
    public DrawingPlan Plan => _plan;

    /// <summary>Gives the emitter's and the plan's arrays back to the pool; neither is to be used after.</summary>
    public void Dispose()
    {
        if (_numbers.Length > 0)
        {
            DrawingPlan.Return(_numbers);
            _numbers = [];
            _top.Release();
            _plan.Dispose();
        }
    }

    /// <summary>The id of value <paramref name="i"/>'s own node (by index in the plan's order), or null when another node draws it.</summary>
    public string? NodeId(int i) => _numbers[i] >= 0 ? ValueId(i).ToString() : null;

    /// <summary>The id of value <paramref name="i"/>'s operator node, or null for leaves and values without one.</summary>
    public string? OperatorId(int i) => _numbers[i] >= 0 && !_plan.Order[i].IsLeaf ? OperatorNodeId(i).ToString() : null;

    /// <summary>Builds the DOT model.</summary>
    public DotGraph Build()
    {
        var builder = new DotGraphBuilder();
        Emit(builder);
        return builder.Graph;
    }

    /// <summary>Writes the DOT straight to <paramref name="writer"/>, holding no model.</summary>
    public void WriteTo(TextWriter writer) => Emit(new DotWriter(writer));

    private void Emit(IDotSink sink)
    {
        var header = new DotGraph();
        var attributes = header.GraphAttributes;
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

        header.NodeDefaults.Set("shape", "record");
        header.NodeDefaults.Set("fontname", _options.FontName);
        header.EdgeDefaults.Set("fontname", _options.FontName);
        if (_nodeCount > _options.FastLayoutThreshold)
        {
            // Measured on the one-point MLP graph: these keep dot's network simplex and crossing
            // minimisation from running for minutes on wide, dense graphs.
            attributes.Set("nslimit", "2");
            attributes.Set("nslimit1", "2");
            attributes.Set("mclimit", "0.1");
            attributes.Set("splines", "line");
        }

        sink.BeginGraph(header);
        WriteNodes(sink, _top);
        foreach (var cluster in _top.Children)
        {
            WriteCluster(sink, cluster);
        }

        WriteEdges(sink);
        sink.EndGraph();
    }

    /// <summary>A module run's box, its nodes (by the plan index that places each) and the boxes inside it.</summary>
    private sealed class Cluster(string id, ModuleScope? scope)
    {
        private int[] _nodes = [];
        private int _count;

        public string Id { get; } = id;

        public ModuleScope? Scope { get; } = scope;

        public ReadOnlySpan<int> Nodes => _nodes.AsSpan(0, _count);

        public List<Cluster> Children { get; } = [];

        public void Add(int i)
        {
            if (_count == _nodes.Length)
            {
                // Pooled, as the plan's arrays: the top holds a node per value of a big graph.
                var grown = DrawingPlan.Rent<int>(Math.Max(16, _nodes.Length * 2));
                Nodes.CopyTo(grown);
                ReturnNodes();
                _nodes = grown;
            }

            _nodes[_count++] = i;
        }

        /// <summary>Gives this cluster's arrays, and those of the clusters inside it, back to the pool.</summary>
        public void Release()
        {
            ReturnNodes();
            foreach (var child in Children)
            {
                child.Release();
            }
        }

        private void ReturnNodes()
        {
            if (_nodes.Length > 0)
            {
                DrawingPlan.Return(_nodes);
                _nodes = [];
            }
        }
    }

    /// <summary>The first pass: numbers every node in the plan's order and puts it in its cluster.</summary>
    private void Number()
    {
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
                ClusterOf(scope);
                for (int k = children[scope].Count - 1; k >= 0; k--)
                {
                    pending.Push(children[scope][k]);
                }
            }
        }

        int next = 0;
        for (int i = 0; i < order.Count; i++)
        {
            _numbers[i] = -1;
            var place = _plan.PlaceOf(i);
            switch (place.Kind)
            {
                case PlacementKind.Own:
                    _numbers[i] = next++;
                    ContainerOf(i).Add(i);
                    break;
                case PlacementKind.Module when _groupIds.TryAdd(_plan.GroupOf(i)!, _groupIds.Count):
                    _top.Add(i);
                    break;
                case PlacementKind.Stub:
                    CollectionsMarshal.GetValueRefOrAddDefault(_stubSizes, place.Number, out bool seen)++;
                    if (!seen)
                    {
                        _top.Add(i);
                    }

                    break;
                case PlacementKind.Shared:
                    if (_sharedIds.TryAdd(_plan.SharedOf(i)!, _sharedIds.Count))
                    {
                        _top.Add(i);
                    }

                    CollectionsMarshal.GetValueRefOrAddDefault(_sharedSizes, _plan.SharedOf(i)!, out _)++;
                    break;
                case PlacementKind.FanIn when !_fanInPlaced[place.Number]:
                    _fanInPlaced[place.Number] = true;
                    ContainerOf(_plan.FanInGroups[place.Number].Operator).Add(i);
                    break;
            }
        }
    }

    private void WriteCluster(IDotSink sink, Cluster cluster)
    {
        var attributes = new DotAttributes();
        attributes.Set("label", cluster.Scope!.Name);
        attributes.Set("style", "rounded");
        attributes.Set("color", "#7c3aed");
        sink.BeginSubgraph(cluster.Id, attributes);
        WriteNodes(sink, cluster);
        foreach (var child in cluster.Children)
        {
            WriteCluster(sink, child);
        }

        sink.EndSubgraph();
    }

    private void WriteNodes(IDotSink sink, Cluster cluster)
    {
        foreach (int i in cluster.Nodes)
        {
            var place = _plan.PlaceOf(i);
            switch (place.Kind)
            {
                case PlacementKind.Own:
                    WriteValueNode(sink, i);
                    break;
                case PlacementKind.Module:
                    WriteGroupNode(sink, _plan.GroupOf(i)!);
                    break;
                case PlacementKind.Stub:
                    WriteStubNode(sink, place.Number);
                    break;
                case PlacementKind.Shared:
                    WriteSharedNode(sink, _plan.SharedOf(i)!);
                    break;
                case PlacementKind.FanIn:
                    WriteFanInNode(sink, place.Number);
                    break;
            }
        }
    }

    private NumberedId ValueId(int i) => new(ValuePrefix, _numbers[i]);

    private NumberedId OperatorNodeId(int i) => new(ValuePrefix, _numbers[i], OperatorSuffix);

    private void WriteValueNode(IDotSink sink, int i)
    {
        var value = _plan.Order[i];
        _record.Clear(grouped: _leftToRight); // in LR layouts a top-level record is a column; braces flip it back into a row
        if (_options.Fields.HasFlag(ValueFields.Label) && ShownLabel(i) is { } label)
        {
            _record.Add(label);
        }

        if (_options.Fields.HasFlag(ValueFields.Data))
        {
            AddNumber("data ", value.Data);
        }

        if (_options.Fields.HasFlag(ValueFields.Grad))
        {
            AddNumber("grad ", value.Grad);
        }

        if (_record.Count == 0)
        {
            _record.Add(string.Empty);
        }

        var look = _options.ColorByGradient ? GradientLook(value)
            : ReferenceEquals(value, _plan.Root) ? _outputLook
            : value.IsConstant ? _constantLook
            : value.IsLeaf ? _leafLook
            : _intermediateLook;
        sink.RecordNode(ValueId(i), _record, Tooltips ? DotDrawing.Tooltip(value) : null, look);
        if (!value.IsLeaf)
        {
            string operatorLabel = OperatorLabel(i);
            var operation = value.Operation!;
            bool byKind = ReferenceEquals(operatorLabel, operation.Name) && operation.Exponent is null; // not **n: one name per exponent
            var operatorLook = byKind ? _operatorLooksByKind[(int)operation.Kind] : null;
            if (operatorLook is null && !_operatorLooks.TryGetValue(operatorLabel, out operatorLook))
            {
                var attributes = new DotAttributes();
                attributes.Set("label", operatorLabel);
                attributes.Set("shape", "ellipse");
                DotDrawing.ApplyStyle(attributes, _options.OperatorStyle);
                operatorLook = new DotTemplate(attributes);
                _operatorLooks.Add(operatorLabel, operatorLook);
            }

            if (byKind)
            {
                _operatorLooksByKind[(int)operation.Kind] = operatorLook;
            }

            sink.Node(OperatorNodeId(i), operatorLook);
        }
    }

    private void AddNumber(string prefix, double number)
    {
        // The prefixes are plain words and a formatted finite number is digits, a point and a sign.
        if (NumberText.TryWriteField(_record.Reserve(64), prefix, number, _options.Precision, _options.RoundTrip, out int written))
        {
            _record.Commit(written, plain: true);
        }
        else
        {
            _record.Add(NumberText.Field(prefix, number, _options.Precision, _options.RoundTrip));
        }
    }

    private static DotTemplate Look(NodeStyle style)
    {
        var attributes = new DotAttributes();
        DotDrawing.ApplyStyle(attributes, style);
        return new DotTemplate(attributes);
    }

    private DotTemplate GradientLook(Value value)
    {
        var attributes = new DotAttributes();
        DotDrawing.ApplyGradientStyle(attributes, value.Grad, _gradientScale, ReferenceEquals(value, _plan.Root));
        return new DotTemplate(attributes);
    }

    /// <summary>
    /// The mark of an operand's place on its edge into the operator: a small number by the operator
    /// (Graphviz <c>headlabel</c>), 1 for the left operand and 2 for the right.
    /// </summary>
    private static DotTemplate OperandMark(string place)
    {
        var attributes = new DotAttributes();
        attributes.Set("headlabel", place);
        attributes.Set("labelfontsize", "10");
        attributes.Set("labeldistance", "1.5");
        return new DotTemplate(attributes);
    }

    /// <summary>A record label of plain text fields, one row in left-to-right layouts.</summary>
    private DotValue Record(List<DotRecordField> fields) =>
        DotValue.FromRecord(_leftToRight ? new DotRecord(DotRecordField.FromGroup(fields)) : new DotRecord(fields));

    private void WriteGroupNode(IDotSink sink, ModuleScope group)
    {
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
        var attributes = new DotAttributes();
        attributes.Set("label", Record(fields));
        DotDrawing.ApplyStyle(attributes, _options.ModuleStyle);
        sink.Node(GroupId(group), attributes);
    }

    private void WriteFanInNode(IDotSink sink, int index)
    {
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

        var attributes = new DotAttributes();
        attributes.Set("label", Record(fields));
        DotDrawing.ApplyStyle(attributes, group.Kind.Length == 0 ? _options.LeafStyle : _options.IntermediateStyle);

        // Dashed, as stubs: a node that stands for many values.
        attributes.Set("style", group.Kind.Length == 0 && _options.LeafStyle.FillColor is not null ? "filled,dashed" : "dashed");
        sink.Node(FanInId(index), attributes);
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

    private static NumberedId FanInId(int index) => new("g", index);

    private static NumberedId StubId(int stub) => new("s", stub);

    private NumberedId GroupId(ModuleScope group) => new("m", _groupIds[group]);

    private NumberedId SharedId(string path) => new("p", _sharedIds[path]);

    private void WriteStubNode(IDotSink sink, int stub)
    {
        int count = _stubSizes[stub];
        var attributes = new DotAttributes();
        attributes.Set("label", "… " + count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " value" : " values"));
        attributes.Set("shape", "box");
        attributes.Set("style", "dashed");
        attributes.Set("color", "#6b7280");
        attributes.Set("fontcolor", "#6b7280");
        sink.Node(StubId(stub), attributes);
    }

    private void WriteSharedNode(IDotSink sink, string path)
    {
        int count = _sharedSizes[path];
        var fields = new List<DotRecordField>
        {
            DotRecordField.FromText(path + " parameters"),
            DotRecordField.FromText(count.ToString(CultureInfo.InvariantCulture) + " values"),
        };
        var attributes = new DotAttributes();
        attributes.Set("label", Record(fields));
        DotDrawing.ApplyStyle(attributes, _options.LeafStyle);
        sink.Node(SharedId(path), attributes);
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
            foreach (int u in plan.InputsOf(i))
            {
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

    /// <summary>The edges: into each operator from its operands (or the nodes that draw them), out of it to its value.</summary>
    private void WriteEdges(IDotSink sink)
    {
        var order = _plan.Order;
        HashSet<(NumberedId, NumberedId)>? groupEdges = null;
        for (int i = 0; i < order.Count; i++)
        {
            var place = _plan.PlaceOf(i);
            if (place.Kind is PlacementKind.Stub or PlacementKind.Module)
            {
                // Values a stub or a collapsed module run uses from outside it: one edge per source.
                var target = place.Kind == PlacementKind.Stub ? StubId(place.Number) : GroupId(_plan.GroupOf(i)!);
                foreach (int u in _plan.InputsOf(i))
                {
                    var from = _plan.PlaceOf(u);
                    bool inside = from == place; // the same stub, or the same run
                    if (!inside && !_plan.IsFolded(u) && (groupEdges ??= []).Add((Source(u), target)))
                    {
                        sink.Edge(Source(u), target, null);
                    }
                }

                continue;
            }

            if (place.Kind != PlacementKind.Own || _plan.IsLeaf(i))
            {
                continue;
            }

            var op = OperatorNodeId(i);
            var inputs = _plan.InputsOf(i);

            // a - b, a / b, a ** b: when both operands arrive as edges, each edge says which it is.
            // (With a constant folded into the operator, its label already shows the order: "- 1".)
            if (_plan.IsOrderedPair(i) && !_plan.IsFolded(inputs[0]) && !_plan.IsFolded(inputs[1]))
            {
                sink.Edge(Source(inputs[0]), op, _firstOperand);
                sink.Edge(Source(inputs[1]), op, _secondOperand);
                sink.Edge(op, ValueId(i), null);
                continue;
            }

            var sources = _plan.Absorbs ? CollectionsMarshal.AsSpan(_plan.Expand(i, expandTerms: true, _sources)) : inputs;
            bool hasTerms = _plan.Absorbs && Any(Operands(i), PlacementKind.Term);
            HashSet<NumberedId>? opEdges = null;
            foreach (int u in sources)
            {
                if (_plan.IsFolded(u))
                {
                    continue;
                }

                // A collapsed module, or the inputs of absorbed terms, feed an operator through one edge
                // each; otherwise every operand slot gets its edge (a*a draws two).
                bool once = hasTerms || _plan.PlaceOf(u).Kind is PlacementKind.Module or PlacementKind.Shared or PlacementKind.Stub or PlacementKind.FanIn;
                if (!once || (opEdges ??= []).Add(Source(u)))
                {
                    sink.Edge(Source(u), op, null);
                }
            }

            sink.Edge(op, ValueId(i), null);
        }
    }

    /// <summary>The id of the node that draws value <paramref name="u"/> where an edge leaves it.</summary>
    private NumberedId Source(int u)
    {
        var place = _plan.PlaceOf(u);
        return place.Kind switch
        {
            PlacementKind.Stub => StubId(place.Number),
            PlacementKind.Module => GroupId(_plan.GroupOf(u)!),
            PlacementKind.Shared => SharedId(_plan.SharedOf(u)!),
            PlacementKind.FanIn => FanInId(place.Number),
            _ => ValueId(u),
        };
    }

    /// <summary>The operands value <paramref name="i"/>'s operator draws: its inputs, or with chains absorbed their operands.</summary>
    private ReadOnlySpan<int> Operands(int i) =>
        _plan.Absorbs ? CollectionsMarshal.AsSpan(_plan.Expand(i, expandTerms: false, _operands)) : _plan.InputsOf(i);

    private bool Any(ReadOnlySpan<int> values, PlacementKind kind)
    {
        foreach (int u in values)
        {
            if (_plan.PlaceOf(u).Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    private string OperatorLabel(int i)
    {
        var value = _plan.Order[i];
        var operands = Operands(i);
        bool nary = operands.Length > 2;
        if (!nary && !Any(operands, PlacementKind.Folded))
        {
            return value.Op;
        }

        string count = operands.Length.ToString(CultureInfo.InvariantCulture) + (Any(operands, PlacementKind.Term) ? " terms" : string.Empty);
        bool sum = value.Operation == Operation.Add;
        string op = nary ? (sum ? "Σ" : "Π") + " (" + count + ")" : value.Op;
        if (!Any(operands, PlacementKind.Folded))
        {
            return op;
        }

        if (nary)
        {
            string joiner = sum ? " + " : " × ";
            var label = new System.Text.StringBuilder(op);
            foreach (int u in operands)
            {
                if (_plan.IsFolded(u))
                {
                    label.Append(joiner).Append(NumberText.Constant(_plan.Order[u].Data));
                }
            }

            return label.ToString();
        }

        if (operands.Length == 1)
        {
            return op + " " + NumberText.Constant(_plan.Order[operands[0]].Data);
        }

        string left = _plan.IsFolded(operands[0]) ? NumberText.Constant(_plan.Order[operands[0]].Data) + " " : string.Empty;
        string right = _plan.IsFolded(operands[1]) ? " " + NumberText.Constant(_plan.Order[operands[1]].Data) : string.Empty;
        return left + op + right;
    }

    /// <summary>Where a value's nodes go: its module's cluster (a parameter goes to the module that uses it), or the top.</summary>
    private Cluster ContainerOf(int i)
    {
        if (_options.Modules != ModuleView.Clusters)
        {
            return _top;
        }

        var value = _plan.Order[i];
        var scope = value.IsLeaf ? _plan.Owner[i] : value.Scope;
        return _options.Modules != ModuleView.Clusters || scope is null ? _top : ClusterOf(scope);
    }

    private Cluster ClusterOf(ModuleScope scope)
    {
        if (_clusters.TryGetValue(scope, out var existing))
        {
            return existing;
        }

        var parent = scope.Parent is null ? _top : ClusterOf(scope.Parent); // numbered after its parent
        var cluster = new Cluster("cluster_" + _clusters.Count.ToString(CultureInfo.InvariantCulture), scope);
        _clusters.Add(scope, cluster);
        parent.Children.Add(cluster);
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
