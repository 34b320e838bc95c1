namespace MicroGrad.Viz.Formats;

/// <summary>
/// The one table of output formats, their names and file extensions: the library's
/// <c>SaveAsync</c>/<c>SaveDrawingAsync</c> and mgviz's <c>-o</c>, <c>--format</c> and help all read it.
/// </summary>
public static class OutputFormats
{
    /// <summary>Every format, in the order help lists them.</summary>
    public static IReadOnlyList<OutputFormatInfo> All { get; } =
    [
        new(OutputFormat.Svg, "svg", [".svg"], "svg", "SVG drawn by Graphviz", FormatMaking.Layout),
        new(OutputFormat.Png, "png", [".png"], "png", "a bitmap (96 pixels per inch)", FormatMaking.Layout),
        new(OutputFormat.Pdf, "pdf", [".pdf"], "pdf", "a PDF document", FormatMaking.Layout),
        new(OutputFormat.Dot, "dot", [".dot", ".gv"], null, "the DOT itself, before any layout", FormatMaking.Written),
        new(OutputFormat.Json, "json", [".json"], null, "the graph's ids, labels, ops, inputs, data and grad", FormatMaking.Export),
        new(OutputFormat.XDot, "xdot", [".xdot"], "xdot", "DOT with Graphviz's layout and drawing operations", FormatMaking.Layout),
        new(OutputFormat.Plain, "plain", [".plain"], "plain", "Graphviz's plain text layout", FormatMaking.Layout),
        new(OutputFormat.GraphvizJson, "graphviz-json", [], "json", "Graphviz's own JSON with the layout", FormatMaking.Layout),
        new(OutputFormat.GraphvizDot, "graphviz-dot", [], "dot", "DOT with Graphviz's layout positions", FormatMaking.Layout),
        new(OutputFormat.Html, "html", [".html", ".htm"], null, "a page that steps through the backward pass (works offline)", FormatMaking.Page),
    ];

    /// <summary>The names, comma-separated, for messages: <c>svg, png, pdf, dot, json, xdot, plain, graphviz-json, graphviz-dot, html</c>.</summary>
    internal static string Names => string.Join(", ", All.Select(f => f.Name));

    /// <summary>The file extensions, space-separated, for messages: <c>.svg .png .pdf .dot .gv .json .xdot .plain .html .htm</c>.</summary>
    internal static string Extensions => string.Join(' ', All.SelectMany(f => f.Extensions));

    /// <summary>The row of a format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>Its name, extensions and needs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined format.</exception>
    public static OutputFormatInfo Get(OutputFormat format) =>
        All.FirstOrDefault(f => f.Format == format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format.");

    /// <summary>Parses a format name (case-insensitive), e.g. <c>svg</c> or <c>graphviz-json</c>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="format">The format, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out OutputFormat format)
    {
        var found = All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        format = found?.Format ?? default;
        return found is not null;
    }

    /// <summary>The format a file name asks for by its extension (case-insensitive).</summary>
    /// <param name="path">A file name or path.</param>
    /// <param name="format">The format, when the extension is known.</param>
    /// <returns>Whether the extension is known.</returns>
    public static bool TryFromPath(string path, out OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path);
        var found = All.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
        format = found?.Format ?? default;
        return found is not null && extension.Length > 1;
    }

    /// <summary>The format a path asks for, or an <see cref="ArgumentException"/> that lists the known extensions.</summary>
    internal static OutputFormat FromPath(string path, string parameterName) =>
        TryFromPath(path, out var format)
            ? format
            : throw new ArgumentException($"Cannot tell the output format from '{Path.GetFileName(path)}': use {Extensions}, or pass a format.", parameterName);
}
