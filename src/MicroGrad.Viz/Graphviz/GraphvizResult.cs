namespace MicroGrad.Viz.Graphviz;

/// <summary>What a successful rendering produced (by the native Graphviz or Graphviz in-process).</summary>
public sealed class GraphvizResult
{
    internal GraphvizResult(GraphvizFormat format, byte[] output, string? outputPath, IReadOnlyList<string> warnings, Renderer renderer = Renderer.Native)
    {
        Renderer = renderer;
        Format = format;
        Output = output;
        OutputPath = outputPath;
        Warnings = warnings;
    }

    /// <summary>
    /// Which Graphviz drew it: <see cref="Viz.Renderer.Native"/> or <see cref="Viz.Renderer.InProcess"/>
    /// (never <see cref="Viz.Renderer.Auto"/>). DOT written without a layout reports <see cref="Viz.Renderer.Native"/>.
    /// </summary>
    public Renderer Renderer { get; }

    /// <summary>The format produced.</summary>
    public GraphvizFormat Format { get; }

    /// <summary>The rendered bytes; empty when they were saved to <see cref="OutputPath"/> instead.</summary>
    public ReadOnlyMemory<byte> Output { get; }

    /// <summary>The file written, for <see cref="GraphvizRunner.SaveAsync(Dot.DotGraph, string, GraphvizFormat?, CancellationToken)"/>; otherwise <see langword="null"/>.</summary>
    public string? OutputPath { get; }

    /// <summary>Lines Graphviz wrote to standard error although it succeeded (warnings); empty when none.</summary>
    public IReadOnlyList<string> Warnings { get; }
}
