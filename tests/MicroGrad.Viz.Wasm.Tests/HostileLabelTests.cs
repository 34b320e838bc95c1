using System.Globalization;
using System.Text;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>
/// Generated hostile labels drawn by real Graphviz, in-process and native: the SVG must be
/// well-formed XML and every label must read back exactly as given (with the documented stand-ins
/// for what XML cannot hold). Seeded: a failure prints its seed and label.
/// </summary>
public class HostileLabelTests
{
    private const int Seed = 20261129;
    private const int Graphs = 10;
    private const int LabelsPerGraph = 100;

    private static readonly string[] Pieces =
    [
        "{", "}", "|", "<", ">", "\"", "\\", " ", "  ", "\t", "\r", "a", "Z", "0", "_", "%3", "\\N", "\\G",
        "&", "&amp;", "&lt;b&gt;", "&alpha;", "&#65;", "&#x41;", "&#65535;", "&#xD800;", ";", "#",
        "\u0000", "\u0007", "\u001F", "\u007F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF",
        "שלום", "مرحبا", "\u202E", "e\u0301", "a\u0308\u0323", "😀", "👩‍👩‍👧", "\u00A0", "Σ", "∂L/∂a",
        "digraph", "node", "->", "--", "[label=x]", "/*", "*/", "//",
    ];

    private static string Label(Random random)
    {
        if (random.Next(100) == 0)
        {
            return new string('W', 20_000) + Pieces[random.Next(Pieces.Length)]; // past Graphviz's 16 KiB token limit
        }

        // A label that shows nothing (only carriage returns) is an empty field, which Graphviz draws
        // as a space: not a case of escaping, so it is drawn again.
        var text = new StringBuilder();
        while (Shown(text.ToString()).Length == 0)
        {
            text.Clear();
            int count = 1 + random.Next(12);
            for (int i = 0; i < count; i++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }
        }

        return text.ToString();
    }

    private static string Shown(string text) => LabelModel.Shown(text).Replace('\u00A0', ' ');

    public static TheoryData<string> Renderers => ["inprocess", "native"];

    [Theory]
    [MemberData(nameof(Renderers))]
    public async Task A_thousand_hostile_labels_draw_exactly_as_given(string which)
    {
        var options = which == "native"
            ? new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = GraphvizRequirement.RequireDot(), MaxNodes = int.MaxValue }
            : new RenderOptions { Renderer = GraphvizChoice.InProcess, MaxNodes = int.MaxValue };
        var random = new Random(Seed);
        int checkedLabels = 0;
        for (int graph = 0; graph < Graphs; graph++)
        {
            // Each leaf's data is its index, so its node is found by its "data" field.
            string[] labels = [.. Enumerable.Range(0, LabelsPerGraph).Select(_ => Label(random))];
            var leaves = labels.Select((label, i) => new Value(i, label)).ToArray();
            var root = Value.Sum(leaves);
            var drawing = root.ToDotGraph(new DrawingOptions { FoldConstants = false, CollapseChains = true, CollapseTerms = false, GroupFanIn = false, Modules = ModuleView.None });

            var result = await new GraphRenderer(options).RenderAsync(drawing, OutputFormat.Svg, TestContext.Current.CancellationToken);

            Dictionary<string, string[]> nodes;
            try
            {
                nodes = SvgNodes.Parse(result.Output.Span);
            }
            catch (System.Xml.XmlException error)
            {
                Assert.Fail($"seed {Seed}, graph {graph}: the SVG is not well-formed XML: {error.Message}");
                return;
            }

            Assert.Equal(drawing.NodeCount, nodes.Count);
            Assert.Equal(drawing.Edges.Count, System.Text.RegularExpressions.Regex.Count(Encoding.UTF8.GetString(result.Output.Span), "<g id=\"edge\\d+\" class=\"edge\">"));
            var byData = nodes.Values.Where(texts => texts.Length == 3 && texts[1].StartsWith("data ", StringComparison.Ordinal))
                .ToDictionary(texts => texts[1], texts => texts[0].Replace('\u00A0', ' '), StringComparer.Ordinal);
            for (int i = 0; i < LabelsPerGraph; i++)
            {
                string data = string.Create(CultureInfo.InvariantCulture, $"data {i:0.0000}");
                Assert.True(byData.TryGetValue(data, out var shown), $"seed {Seed}, graph {graph}: no node shows '{data}'");
                string expected = Shown(labels[i]);
                Assert.True(
                    expected == shown,
                    $"seed {Seed}, graph {graph}, label {i}: {Escape(labels[i])} was drawn as {Escape(shown!)}, expected {Escape(expected)}");
                checkedLabels++;
            }
        }

        Assert.Equal(Graphs * LabelsPerGraph, checkedLabels);
        TestContext.Current.SendDiagnosticMessage($"{which}: {checkedLabels} generated labels drawn exactly (seed {Seed})");
    }

    [Theory]
    [MemberData(nameof(Renderers))]
    public async Task A_title_of_twenty_thousand_letters_is_drawn(string which)
    {
        // Letters only: once written bare, and Graphviz 2.43 rejected it from 16,382 characters.
        string title = new('T', 20_000);
        var drawing = (SampleGraphs.Seed(backward: true)).ToDotGraph(new DrawingOptions { Title = title });
        var options = which == "native"
            ? new RenderOptions { Renderer = GraphvizChoice.Native, DotPath = GraphvizRequirement.RequireDot() }
            : new RenderOptions { Renderer = GraphvizChoice.InProcess };

        var result = await new GraphRenderer(options).RenderAsync(drawing, OutputFormat.Svg, TestContext.Current.CancellationToken);

        Assert.Contains(">" + title + "</text>", Encoding.UTF8.GetString(result.Output.Span), StringComparison.Ordinal);
    }

    private static string Escape(string text)
    {
        string shown = string.Concat(text.Take(80).Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
        return $"\"{shown}\"" + (text.Length > 80 ? $" (+{text.Length - 80} chars)" : string.Empty);
    }
}
