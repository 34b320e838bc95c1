using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz;

/// <summary>What a successful rendering produced.</summary>
public sealed class RenderResult
{
    internal RenderResult(OutputFormat format, byte[] output, string? outputPath, IReadOnlyList<string> warnings, GraphvizChoice? renderer)
    {
        Renderer = renderer;
        Format = format;
        Output = output;
        OutputPath = outputPath;
        Warnings = warnings;
    }

    /// <summary>
    /// Which Graphviz laid it out: <see cref="GraphvizChoice.Native"/> or <see cref="GraphvizChoice.InProcess"/>
    /// (never <see cref="GraphvizChoice.Auto"/>); <see langword="null"/> for DOT and the graph export, which need no layout.
    /// </summary>
    public GraphvizChoice? Renderer { get; }

    /// <summary>The format produced.</summary>
    public OutputFormat Format { get; }

    /// <summary>The rendered bytes; empty when they were saved to <see cref="OutputPath"/> instead.</summary>
    public ReadOnlyMemory<byte> Output { get; }

    /// <summary>The file written, when saving; otherwise <see langword="null"/>.</summary>
    public string? OutputPath { get; }

    /// <summary>Warnings Graphviz printed although it succeeded, one per line; empty when none.</summary>
    public IReadOnlyList<string> Warnings { get; }
}
