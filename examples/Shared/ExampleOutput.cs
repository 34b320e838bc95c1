using MicroGrad.Viz;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Examples;

/// <summary>
/// Where an example writes its pictures: DOT and SVG, drawn by the native Graphviz when it is
/// installed and by Graphviz in-process (MicroGrad.Viz.Wasm) when it is not.
/// </summary>
public sealed class ExampleOutput
{
    public ExampleOutput(string folder, TextWriter log)
    {
        Folder = Path.GetFullPath(folder);
        Log = log;
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public TextWriter Log { get; }

    /// <summary>Writes name.dot and name.svg; returns the DOT text.</summary>
    public async Task<string> DrawAsync(Value root, string name, DrawingOptions? options = null)
    {
        string dotPath = Path.Combine(Folder, name + ".dot");
        await root.SaveDrawingAsync(dotPath, options).ConfigureAwait(false);
        string svgPath = Path.Combine(Folder, name + ".svg");
        var svg = await root.SaveDrawingAsync(svgPath, options).ConfigureAwait(false);
        string by = svg.Renderer == GraphvizChoice.InProcess ? " (Graphviz in-process)" : string.Empty;
        await Log.WriteLineAsync($"  drew {name}: {dotPath}, {svgPath}{by}").ConfigureAwait(false);
        return await File.ReadAllTextAsync(dotPath).ConfigureAwait(false);
    }

    public string PathOf(string fileName) => Path.Combine(Folder, fileName);
}
