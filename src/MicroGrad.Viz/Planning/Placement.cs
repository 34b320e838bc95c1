namespace MicroGrad.Viz.Planning;

/// <summary>
/// What draws one value — exactly one of these, which is why it is one value per graph value and not a
/// flag per view: its own node, a collapsed module run, a shared-parameters node, a focus stub, the label
/// of its user's operator (a folded constant), the n-ary operator of a chain, the n-ary operator that
/// absorbed it as a term, or a fan-in group.
/// </summary>
internal readonly record struct Placement
{
    private Placement(PlacementKind kind, ModuleScope? module = null, string? sharedPath = null, int number = -1)
    {
        Kind = kind;
        Module = module;
        SharedPath = sharedPath;
        Number = number;
    }

    public PlacementKind Kind { get; }

    /// <summary>For <see cref="PlacementKind.Module"/>: the collapsed run.</summary>
    public ModuleScope? Module { get; }

    /// <summary>For <see cref="PlacementKind.Shared"/>: the module path whose runs share the parameter.</summary>
    public string? SharedPath { get; }

    /// <summary>For <see cref="PlacementKind.Stub"/> and <see cref="PlacementKind.FanIn"/>: which stub or group; -1 otherwise.</summary>
    public int Number { get; }

    public static Placement Own => new(PlacementKind.Own);

    public static Placement Folded => new(PlacementKind.Folded);

    public static Placement Chained => new(PlacementKind.Chained);

    public static Placement Term => new(PlacementKind.Term);

    public static Placement InModule(ModuleScope module) => new(PlacementKind.Module, module: module);

    public static Placement SharedBy(string path) => new(PlacementKind.Shared, sharedPath: path);

    public static Placement InStub(int stub) => new(PlacementKind.Stub, number: stub);

    public static Placement InFanIn(int group) => new(PlacementKind.FanIn, number: group);
}
