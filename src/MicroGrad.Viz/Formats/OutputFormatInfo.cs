namespace MicroGrad.Viz.Formats;

/// <summary>One row of <see cref="OutputFormats"/>.</summary>
/// <param name="Format">The format.</param>
/// <param name="Name">Its name, as <c>mgviz --format</c> takes it.</param>
/// <param name="Extensions">The file extensions that ask for it, with the dot; the first is the usual one. Empty when none does.</param>
/// <param name="GraphvizName">Graphviz's <c>-T</c> name, or <see langword="null"/> when Graphviz does not write it itself.</param>
/// <param name="Description">What it is, in a few words.</param>
public sealed record OutputFormatInfo(
    OutputFormat Format,
    string Name,
    IReadOnlyList<string> Extensions,
    string? GraphvizName,
    string Description)
{
    /// <summary>Whether Graphviz lays the drawing out for it: every format Graphviz writes, and the page, which embeds Graphviz's SVG.</summary>
    public bool NeedsLayout => GraphvizName is not null || Format == OutputFormat.Html;
}
