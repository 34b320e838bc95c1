using System.Xml.Linq;

namespace MicroGrad.TestSupport;

/// <summary>The nodes of a Graphviz SVG: each <c>&lt;g class="node"&gt;</c>'s title and texts.</summary>
internal static class SvgNodes
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static Dictionary<string, string[]> Parse(ReadOnlySpan<byte> svg)
    {
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(svg));
        var nodes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "node"))
        {
            string title = group.Element(Svg + "title")!.Value;
            nodes.Add(title, [.. group.Descendants(Svg + "text").Select(t => t.Value)]);
        }

        return nodes;
    }
}
