using MicroGrad.Viz.Formats;

namespace MicroGrad.Viz.Graphviz;

/// <summary>
/// Converts layout engines and formats to the names Graphviz takes, through fixed allow-lists: no
/// other text ever reaches Graphviz. Format names for users live in <see cref="OutputFormats"/>.
/// </summary>
internal static class GraphvizNames
{
    /// <summary>The name Graphviz uses for a layout engine, e.g. <c>dot</c> or <c>neato</c>.</summary>
    /// <param name="engine">The engine.</param>
    /// <returns>The lower-case name.</returns>
    public static string Name(LayoutEngine engine) => engine switch
    {
        LayoutEngine.Dot => "dot",
        LayoutEngine.Neato => "neato",
        LayoutEngine.Twopi => "twopi",
        LayoutEngine.Circo => "circo",
        LayoutEngine.Fdp => "fdp",
        LayoutEngine.Sfdp => "sfdp",
        LayoutEngine.Patchwork => "patchwork",
        LayoutEngine.Osage => "osage",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown layout engine."),
    };

    /// <summary>Graphviz's <c>-T</c> name for a format that needs a layout, e.g. <c>svg</c> or <c>json</c> for <see cref="OutputFormat.GraphvizJson"/>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The format needs no layout (<see cref="OutputFormat.Dot"/>, <see cref="OutputFormat.Json"/>) or is unknown.</exception>
    public static string Name(OutputFormat format) =>
        OutputFormats.Get(format).GraphvizName ?? throw new ArgumentOutOfRangeException(nameof(format), format, "This format needs no Graphviz.");

    /// <summary>Parses a layout engine name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="engine">The engine, when known.</param>
    /// <returns>Whether the name is allowed.</returns>
    public static bool TryParseEngine(string? name, out LayoutEngine engine)
    {
        foreach (var candidate in Enum.GetValues<LayoutEngine>())
        {
            if (string.Equals(name, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                engine = candidate;
                return true;
            }
        }

        engine = default;
        return false;
    }

    /// <summary>The command-line equivalent of a rendering, for messages: <c>[program, -Tformat, -Kengine]</c>.</summary>
    /// <param name="program">What runs: the path of <c>dot</c>, or an in-process Graphviz's name.</param>
    /// <param name="format">The output format; one that needs a layout.</param>
    /// <param name="engine">The layout engine.</param>
    /// <returns>The arguments, program first.</returns>
    public static string[] CommandLine(string program, OutputFormat format, LayoutEngine engine) =>
        [program, "-T" + Name(format), "-K" + Name(engine)];
}
