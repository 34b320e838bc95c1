namespace MicroGrad.Viz.Formats;

/// <summary>One row of <see cref="OutputFormats"/>: a format's name, file extensions and needs.</summary>
public sealed record OutputFormatInfo
{
    internal OutputFormatInfo(OutputFormat format, string name, IReadOnlyList<string> extensions, string? graphvizName, string description, FormatMaking made)
    {
        Format = format;
        Name = name;
        Extensions = extensions;
        GraphvizName = graphvizName;
        Description = description;
        Made = made;
    }

    /// <summary>The format.</summary>
    public OutputFormat Format { get; }

    /// <summary>Its name, as <c>mgviz --format</c> takes it.</summary>
    public string Name { get; }

    /// <summary>The file extensions that ask for it, with the dot; the first is the usual one. Empty when none does.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>Graphviz's <c>-T</c> name, or <see langword="null"/> when Graphviz does not write it itself.</summary>
    public string? GraphvizName { get; }

    /// <summary>What it is, in a few words.</summary>
    public string Description { get; }

    /// <summary>Whether Graphviz lays the drawing out for it: every format Graphviz writes, and the page, which embeds Graphviz's SVG.</summary>
    public bool NeedsLayout => Made is FormatMaking.Layout or FormatMaking.Page;

    /// <summary>How it is made (what <see cref="FormatDispatcher"/> does for it).</summary>
    internal FormatMaking Made { get; }
}
