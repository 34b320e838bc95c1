namespace MicroGrad.Viz.Planning;

/// <summary>The kinds of <see cref="Placement"/>.</summary>
internal enum PlacementKind : byte
{
    /// <summary>A node of its own (and an operator node when computed).</summary>
    Own,

    /// <summary>Inside a collapsed module run's node.</summary>
    Module,

    /// <summary>Inside the "parameters" node of the module whose runs all use it.</summary>
    Shared,

    /// <summary>Cut off by a focus: counted by a stub.</summary>
    Stub,

    /// <summary>A constant shown in its user's operator label.</summary>
    Folded,

    /// <summary>An intermediate of a chain, absorbed into its user's n-ary operator.</summary>
    Chained,

    /// <summary>A single-use term absorbed into the n-ary operator that uses it.</summary>
    Term,

    /// <summary>One of the many sources of an operator, drawn as one counted node.</summary>
    FanIn,
}
