using MicroGrad.Viz;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Examples;

/// <summary>Where an example writes its pictures, and how: DOT always, SVG too when Graphviz is installed.</summary>
public sealed class ExampleOutput
{
    private bool? _graphviz;

    public ExampleOutput(string folder, TextWriter log)
    {
        Folder = Path.GetFullPath(folder);
        Log = log;
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public TextWriter Log { get; }

    /// <summary>Writes name.dot and, when Graphviz is available, name.svg; returns the DOT text.</summary>
    public async Task<string> DrawAsync(Value root, string name, DrawingOptions? options = null)
    {
        string dotPath = Path.Combine(Folder, name + ".dot");
        await root.SaveDrawingAsync(dotPath, options).ConfigureAwait(false);
        string written = dotPath;
        if (await HasGraphvizAsync().ConfigureAwait(false))
        {
            string svgPath = Path.Combine(Folder, name + ".svg");
            await root.SaveDrawingAsync(svgPath, options).ConfigureAwait(false);
            written += ", " + svgPath;
        }

        await Log.WriteLineAsync($"  drew {name}: {written}").ConfigureAwait(false);
        return await File.ReadAllTextAsync(dotPath).ConfigureAwait(false);
    }

    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    private async Task<bool> HasGraphvizAsync()
    {
        if (_graphviz is null)
        {
            try
            {
                new NativeGraphviz().FindDot();
                _graphviz = true;
            }
            catch (GraphvizNotFoundException)
            {
                _graphviz = false;
                await Log.WriteLineAsync("  (Graphviz is not installed: writing .dot files only; see mgviz doctor)").ConfigureAwait(false);
            }
        }

        return _graphviz.Value;
    }
}
