using System.Globalization;
using System.Text;

namespace MicroGrad.TestSupport;

/// <summary>
/// Reads the node boxes of Graphviz's <c>plain</c> output (<c>node NAME X Y WIDTH HEIGHT …</c>,
/// centres and sizes in inches, per the Graphviz output documentation) and finds boxes that overlap.
/// </summary>
internal static class PlainLayout
{
    public static IReadOnlyList<(string Name, double X, double Y, double Width, double Height)> Nodes(ReadOnlySpan<byte> plain)
    {
        var nodes = new List<(string, double, double, double, double)>();
        foreach (string line in Encoding.UTF8.GetString(plain).Split('\n'))
        {
            string[] parts = line.Split(' ');
            if (parts is ["node", var name, var x, var y, var width, var height, ..])
            {
                nodes.Add((name, Number(x), Number(y), Number(width), Number(height)));
            }
        }

        return nodes;
    }

    /// <summary>The pairs of nodes whose boxes share area (touching edges do not count).</summary>
    public static IReadOnlyList<string> Overlaps(ReadOnlySpan<byte> plain)
    {
        var nodes = Nodes(plain);
        var overlaps = new List<string>();
        for (int i = 0; i < nodes.Count; i++)
        {
            for (int j = i + 1; j < nodes.Count; j++)
            {
                var (a, b) = (nodes[i], nodes[j]);
                if (Math.Abs(a.X - b.X) * 2 < a.Width + b.Width - 1e-6 && Math.Abs(a.Y - b.Y) * 2 < a.Height + b.Height - 1e-6)
                {
                    overlaps.Add($"{a.Name} overlaps {b.Name}");
                }
            }
        }

        return overlaps;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
