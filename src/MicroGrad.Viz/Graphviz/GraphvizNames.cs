namespace MicroGrad.Viz.Graphviz;

/// <summary>
/// Converts formats and layout engines to and from the names Graphviz and users type, through a
/// fixed allow-list: no other text ever reaches Graphviz's command line.
/// </summary>
public static class GraphvizNames
{
    /// <summary>The name Graphviz uses for a format: <c>svg</c>, <c>png</c>, <c>pdf</c>, <c>dot</c> or <c>json</c>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The lower-case name.</returns>
    public static string Name(GraphvizFormat format) => format switch
    {
        GraphvizFormat.Svg => "svg",
        GraphvizFormat.Png => "png",
        GraphvizFormat.Pdf => "pdf",
        GraphvizFormat.Dot => "dot",
        GraphvizFormat.Json => "json",
        GraphvizFormat.XDot => "xdot",
        GraphvizFormat.Plain => "plain",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown Graphviz format."),
    };

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

    /// <summary>Parses a format name (case-insensitive): <c>svg png pdf dot json xdot plain</c> (<c>gv</c> means <c>dot</c>).</summary>
    /// <param name="name">The name.</param>
    /// <param name="format">The format, when known.</param>
    /// <returns>Whether the name is allowed.</returns>
    public static bool TryParseFormat(string? name, out GraphvizFormat format)
    {
        if (string.Equals(name, "gv", StringComparison.OrdinalIgnoreCase))
        {
            format = GraphvizFormat.Dot;
            return true;
        }

        return TryMatch(name, Name, out format);
    }

    /// <summary>Parses a layout engine name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="engine">The engine, when known.</param>
    /// <returns>Whether the name is allowed.</returns>
    public static bool TryParseEngine(string? name, out LayoutEngine engine) => TryMatch(name, Name, out engine);

    /// <summary>The format a file name asks for by its extension (<c>.svg</c>, <c>.png</c>, <c>.pdf</c>, <c>.dot</c>, <c>.gv</c>, <c>.json</c>).</summary>
    /// <param name="path">A file name or path.</param>
    /// <param name="format">The format, when the extension is known.</param>
    /// <returns>Whether the extension is known.</returns>
    public static bool TryGetFormatFromPath(string path, out GraphvizFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path);
        return TryParseFormat(extension.Length > 1 ? extension[1..] : null, out format) && extension.Length > 1;
    }

    private static bool TryMatch<T>(string? name, Func<T, string> nameOf, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(name, nameOf(candidate), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
