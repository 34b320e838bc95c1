using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Emitting;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.IO;
using MicroGrad.Viz.Json;
using MicroGrad.Viz.Page;

namespace MicroGrad.Viz.Formats;

/// <summary>
/// The one place a <see cref="Value"/> graph becomes a format, by how the format is made: the DOT
/// (written, no Graphviz), the graph export (JSON from the values), the step-through page (Graphviz's SVG
/// in a page), or a layout by the Graphviz <see cref="GraphRenderer"/> chooses. <see cref="ValueDrawingExtensions"/>,
/// <see cref="TapeDrawingExtensions"/> and mgviz all come here; every file goes through one atomic write.
/// </summary>
internal static class FormatDispatcher
{
    /// <summary>The drawing in memory.</summary>
    public static async Task<RenderResult> RenderAsync(Value root, OutputFormat format, DrawingOptions? drawing, RenderOptions? rendering, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var (warnings, renderer) = await WriteAsync(root, format, drawing, rendering, buffer, cancellationToken).ConfigureAwait(false);
        return new RenderResult(format, buffer.ToArray(), null, warnings, renderer);
    }

    /// <summary>The drawing into a file that is replaced only when all of it was written.</summary>
    public static async Task<RenderResult> SaveAsync(Value root, string path, OutputFormat? format, DrawingOptions? drawing, RenderOptions? rendering, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var resolved = format ?? OutputFormats.FromPath(path, nameof(path));
        IReadOnlyList<string> warnings = [];
        GraphvizChoice? renderer = null;
        string target = await AtomicFile.WriteAsync(path, async file =>
            (warnings, renderer) = await WriteAsync(root, resolved, drawing, rendering, file, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return new RenderResult(resolved, [], target, warnings, renderer);
    }

    private static async Task<LayoutOutcome> WriteAsync(
        Value root, OutputFormat format, DrawingOptions? drawing, RenderOptions? rendering, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        switch (OutputFormats.Get(format).Made)
        {
            case FormatMaking.Export:
                GraphJson.Write(root, output);
                return LayoutOutcome.None;
            case FormatMaking.Written:
                using (var writer = new StreamWriter(output, DotWriter.Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" })
                {
                    DotDrawing.Write(root, writer, drawing);
                }

                return LayoutOutcome.None;
        }

        using var emitter = DotDrawing.Emitter(root, drawing);
        var graph = emitter.Build();
        var renderer = new GraphRenderer(rendering);
        if (format == OutputFormat.Html)
        {
            // The page embeds Graphviz's SVG of the same plan, and maps each value to the node that draws it.
            var svg = await renderer.RenderAsync(graph, OutputFormat.Svg, cancellationToken).ConfigureAwait(false);
            byte[] page = DotWriter.Utf8.GetBytes(StepThroughPage.Page(emitter.Plan, emitter, DotWriter.Utf8.GetString(svg.Output.Span)));
            await output.WriteAsync(page, cancellationToken).ConfigureAwait(false);
            return new(svg.Warnings, svg.Renderer);
        }

        return await renderer.LayOutAsync(graph, format, output, cancellationToken).ConfigureAwait(false);
    }
}
