namespace MicroGrad.Viz.Planning;

/// <summary>
/// What draws one value — exactly one of these, which is why it is one value per graph value and not a
/// flag per view: its own node, a collapsed module run, a shared-parameters node, a focus stub, the label
/// of its user's operator (a folded constant), the n-ary operator of a chain, the n-ary operator that
/// absorbed it as a term, or a fan-in group. Eight bytes: a big graph has one per value.
/// </summary>
/// <param name="Kind">What draws the value.</param>
/// <param name="Number">Which run, shared path, stub or group (numbered by the plan); -1 for the other kinds.</param>
internal readonly record struct Placement(PlacementKind Kind, int Number = -1)
{
    public static Placement Own => new(PlacementKind.Own);

    public static Placement Folded => new(PlacementKind.Folded);

    public static Placement Chained => new(PlacementKind.Chained);

    public static Placement Term => new(PlacementKind.Term);

    public static Placement InModule(int run) => new(PlacementKind.Module, run);

    public static Placement SharedBy(int path) => new(PlacementKind.Shared, path);

    public static Placement InStub(int stub) => new(PlacementKind.Stub, stub);

    public static Placement InFanIn(int group) => new(PlacementKind.FanIn, group);
}
