namespace MicroGrad.Viz.Dot;

/// <summary>
/// Where a drawing's statements go, in the order DOT writes them: the header, the top-level nodes, the
/// subgraphs with theirs, the edges. <see cref="DotWriter"/> writes them out as they come (a big graph is
/// never held as a model); <see cref="DotGraphBuilder"/> collects them into a <see cref="DotGraph"/>, which
/// <see cref="DotWriter"/> then writes as the same bytes.
/// </summary>
internal interface IDotSink
{
    /// <summary>Starts the graph with <paramref name="header"/>'s kind, id and default attributes (its statements are not read).</summary>
    void BeginGraph(DotGraph header);

    void Node(NumberedId id, DotAttributes attributes);

    void Node(NumberedId id, DotTemplate attributes);

    /// <summary>A node labelled with a record, then its tooltip when given, then <paramref name="rest"/> (which sets neither).</summary>
    void RecordNode(NumberedId id, DotRecordBuffer label, string? tooltip, DotTemplate rest);

    void BeginSubgraph(string id, DotAttributes attributes);

    void EndSubgraph();

    void Edge(NumberedId from, NumberedId to, DotTemplate? attributes);

    void EndGraph();
}
