using System.Globalization;
using System.Text;
using CsCheck;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>
/// A drawing depends only on its DOT: one <see cref="WasmGraphviz"/> used for many renderings draws
/// each graph exactly as a Graphviz that never drew anything before (a new <see cref="WasmGraphviz"/>).
/// </summary>
public sealed class InstanceHistoryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_record_whose_field_starts_with_a_line_break_draws_the_same_two_hundred_times_in_a_row()
    {
        // Reusing one Graphviz instance crashed every second time on this graph ("out of bounds table access").
        const string Dot = "digraph { node [shape=record]; v [label=\"{\\n|x}\"] }";
        var reused = new WasmGraphviz();
        byte[] fresh = (await new WasmGraphviz().RenderAsync(Dot, OutputFormat.Svg, LayoutEngine.Dot, Token)).Output;

        for (int i = 0; i < 200; i++)
        {
            byte[] drawn = (await reused.RenderAsync(Dot, OutputFormat.Svg, LayoutEngine.Dot, Token)).Output;
            Assert.True(fresh.AsSpan().SequenceEqual(drawn), $"rendering {i + 1} differs from a fresh instance's");
        }
    }

    [Fact]
    public void Any_history_of_renderings_draws_each_graph_as_a_fresh_instance_does()
    {
        // Two thousand random graphs in 50 cases of 40 (record fields with line breaks, ports, nested fields,
        // HTML labels, clusters, edge labels, every engine, layout= in the file, errors), each case drawn one
        // graph after another on one reused Graphviz, each compared with a fresh one's result: the same
        // bytes and warnings, or the same error.
        Property.Check(
            Gen.Int[0, int.MaxValue].Array[40],
            seeds =>
            {
                var reused = new WasmGraphviz();
                foreach (int seed in seeds)
                {
                    var (dot, engine) = RandomGraph(seed);
                    string expected = Outcome(new WasmGraphviz(), dot, engine);
                    string actual = Outcome(reused, dot, engine);
                    Assert.True(expected == actual, $"graph {seed} ({engine}) after others:\n{dot}\nfresh: {expected}\nreused: {actual}");
                }
            },
            iter: 50,
            print: seeds => string.Join(' ', seeds));
    }

    /// <summary>What a rendering gives, as text to compare: the output and warnings, or the error.</summary>
    private static string Outcome(WasmGraphviz graphviz, string dot, LayoutEngine engine)
    {
        try
        {
            var (output, warnings) = graphviz.RenderAsync(dot, OutputFormat.Svg, engine, Token).GetAwaiter().GetResult();
            return $"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(output))} {string.Join(" / ", warnings)}";
        }
        catch (RenderException error)
        {
            return $"{error.GetType().Name}: {error.Message}";
        }
    }

    private static readonly string[] s_recordLabels =
        ["{\\n|x}", "{x|\\n}", "\\nleft|right\\n", "<p0> a|<p1> b|<p2> c", "{a|{b|<p1> c}|d}", "{ v | data 2.0000 | grad -3.0000 }", "\\l|\\r|x\\l"];

    private static readonly string[] s_plainLabels = ["x", "a\\nb", "\\N", "long label with spaces", "é ü Σ", ""];

    private static readonly string[] s_htmlLabels =
        ["<<b>bold</b>>", "<<table><tr><td port=\"p1\">1</td><td>2</td></tr></table>>", "<x<br/>y<br align=\"left\"/>>", "<<i>a</i> &amp; b>"];

    private static readonly string[] s_errors =
        ["digraph { a -> }", "digraph { a [label=<<b>x</i>>] }", "digraph { a -> b } }", "graph { a -> b }", "digraph { a [shape=record label=\"<x\"] }", "digraph {a} digraph {b}"];

    private static readonly LayoutEngine[] s_engines = Enum.GetValues<LayoutEngine>();

    /// <summary>A small random graph of the kinds Graphviz keeps state for, from a seed.</summary>
    internal static (string Dot, LayoutEngine Engine) RandomGraph(int seed)
    {
        var random = new Random(seed);
        var engine = s_engines[random.Next(s_engines.Length)];
        if (random.Next(10) == 0)
        {
            return (s_errors[random.Next(s_errors.Length)], engine);
        }

        var text = new StringBuilder("digraph G {\n");
        if (random.Next(4) == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"layout={GraphvizNames.Name(s_engines[random.Next(s_engines.Length)])};\n");
        }

        if (random.Next(2) == 0)
        {
            text.Append("rankdir=LR;\n");
        }

        int nodes = random.Next(1, 9);
        for (int i = 0; i < nodes; i++)
        {
            bool inCluster = random.Next(4) == 0;
            if (inCluster)
            {
                text.Append(CultureInfo.InvariantCulture, $"subgraph cluster_{i} {{ label=\"c{i}\";\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"n{i} ");
            text.Append(random.Next(3) switch
            {
                0 => $"[shape=record label=\"{s_recordLabels[random.Next(s_recordLabels.Length)]}\"]",
                1 => $"[label={s_htmlLabels[random.Next(s_htmlLabels.Length)]}]",
                _ => $"[label=\"{s_plainLabels[random.Next(s_plainLabels.Length)]}\"]",
            });
            text.Append(inCluster ? ";\n}\n" : ";\n");
        }

        int edges = random.Next(0, nodes * 2);
        for (int i = 0; i < edges; i++)
        {
            string port = random.Next(4) == 0 ? ":p1" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"n{random.Next(nodes)}{port} -> n{random.Next(nodes)}");
            text.Append(random.Next(3) == 0 ? $" [label=\"{s_plainLabels[random.Next(s_plainLabels.Length)]}\"];\n" : ";\n");
        }

        return (text.Append("}\n").ToString(), engine);
    }
}
