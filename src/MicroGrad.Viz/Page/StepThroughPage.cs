using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MicroGrad.Viz.Emitting;
using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.Planning;
using MicroGrad.Viz.Text;

namespace MicroGrad.Viz.Page;

/// <summary>
/// Draws a <see cref="Value"/> graph as one self-contained HTML page that steps through the backward
/// pass: Graphviz's SVG (native or in-process) with a small script and stylesheet inlined, fetching
/// nothing. Start shows every gradient cleared and the output's set to 1; each step applies one
/// chain-rule addition of <see cref="Value.BackwardSteps"/> and shows it with its numbers. Hovering a
/// value shows its numbers at full precision; clicking it highlights what it depends on and what
/// depends on it; a search box finds values by label; the drawing pans and zooms.
/// </summary>
/// <remarks>
/// Labels are untrusted: they reach the page only as Graphviz's escaped SVG text and as JSON in a
/// <c>script type="application/json"</c> block with <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes
/// escaped, read with <c>textContent</c> and shown with <c>textContent</c>. A Content-Security-Policy
/// allows only the page's own script and stylesheet (by hash). With views (Σ nodes, collapsed modules,
/// focus), stepping walks the values that have a node of their own; each step says how many additions
/// happened inside hidden nodes before it. The same graph gives the same bytes.
/// </remarks>
internal static class StepThroughPage
{
    private static readonly Lazy<string> s_script = new(() => Resource("MicroGrad.Viz.Page.page.js"));
    private static readonly Lazy<string> s_style = new(() => Resource("MicroGrad.Viz.Page.page.css"));

    /// <summary>The page around Graphviz's <paramref name="svg"/> of the plan's drawing; <paramref name="drawn"/> says which node draws each value and its operator.</summary>
    internal static string Page(DrawingPlan plan, DrawingEmitter drawn, string svg)
    {
        var ids = Enumerable.Range(0, plan.Order.Count).Select(drawn.NodeId).ToArray();
        var opIds = Enumerable.Range(0, plan.Order.Count).Select(drawn.OperatorId).ToArray();
        var options = plan.Views;
        string Name(Value value) => value.Label ?? (ids[plan.IndexOf(value)] is { } id ? id : "(hidden " + (value.Op.Length > 0 ? value.Op : "value") + ")");
        string Grad(double grad) => "grad " + NumberText.Format(grad, options.Precision, options.RoundTrip);
        static string Full(double number) => NumberText.Format(number, 0, roundTrip: true);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var steps = plan.Root.BackwardSteps();
            int shown = steps.Count(step => ids[plan.IndexOf(step.Input)] is not null);
            string startLine = $"Start: every gradient is 0, and {Name(plan.Root)}.grad = 1 (the output's gradient with respect to itself). Next applies the chain rule one input at a time, in the order Backward() does.";
            if (shown < steps.Count && (shown == 0 || ids[plan.IndexOf(steps[^1].Input)] is null))
            {
                // Additions after the last shown step (or all of them) would otherwise go unmentioned.
                startLine += string.Create(
                    CultureInfo.InvariantCulture,
                    $" {steps.Count - shown} of the {steps.Count} additions happen inside nodes this drawing hides{(shown == 0 ? ", so there is no step to show" : string.Empty)}: draw it with the views off (mgviz --plain) to step through every value.");
            }

            json.WriteStartObject();
            json.WriteString("startLine", startLine);
            json.WriteStartObject("nodes");
            for (int i = 0; i < plan.Order.Count; i++)
            {
                if (ids[i] is not { } id)
                {
                    continue;
                }

                var value = plan.Order[i];
                var info = new StringBuilder();
                info.Append(value.Label ?? "(no label)").Append('\n')
                    .Append("data ").Append(Full(value.Data)).Append('\n')
                    .Append("grad ").Append(Full(value.Grad)).Append('\n')
                    .Append(value.Op.Length > 0 ? "op " + value.Op : value.IsConstant ? "a constant" : "a leaf (input or parameter)");
                for (int k = 0; k < value.Inputs.Count; k++)
                {
                    info.Append('\n').Append("∂/∂").Append(Name(value.Inputs[k])).Append(" = ").Append(Full(value.LocalDerivative(k)));
                }

                if (value.Scope is { } scope)
                {
                    info.Append('\n').Append("in ").Append(scope.Path);
                }

                json.WriteStartObject(id);
                json.WriteString("label", value.Label ?? string.Empty);
                json.WriteString("info", info.ToString());
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("start");
            for (int i = 0; i < plan.Order.Count; i++)
            {
                if (ids[i] is { } id)
                {
                    json.WriteString(id, Grad(ReferenceEquals(plan.Order[i], plan.Root) ? 1.0 : 0.0));
                }
            }

            json.WriteEndObject();
            json.WriteStartArray("steps");
            int hidden = 0;
            foreach (var step in steps)
            {
                int input = plan.IndexOf(step.Input);
                if (ids[input] is not { } node)
                {
                    hidden++;
                    continue;
                }

                string output = Name(step.Output);
                string line = $"{Name(step.Input)}.grad += {output}.grad × ∂{output}/∂{Name(step.Input)} = {Full(step.OutputGrad)} × {Full(step.LocalDerivative)} = {Full(step.Contribution)}";
                if (step.GradBefore != 0)
                {
                    line += $"\n{Name(step.Input)}.grad: {Full(step.GradBefore)} → {Full(step.GradAfter)}";
                }

                if (hidden > 0)
                {
                    line += $"\n(after {hidden} addition{(hidden == 1 ? string.Empty : "s")} inside nodes this drawing hides)";
                }

                json.WriteStartObject();
                json.WriteString("node", node);
                json.WriteString("via", opIds[plan.IndexOf(step.Output)]);
                json.WriteString("to", Grad(step.GradAfter));
                json.WriteString("line", line);
                json.WriteEndObject();
                hidden = 0;
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        string data = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        string title = options.Title ?? ("Backpropagation through " + Name(plan.Root));
        string script = s_script.Value;
        string style = s_style.Value;
        var page = new StringBuilder(svg.Length + data.Length + script.Length + 4096);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src '").Append(Hash(script))
            .Append("'; style-src '").Append(Hash(style)).Append("'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"MicroGrad.Viz\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append("<style>").Append(style).Append("</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n")
            .Append("<button id=\"start\" type=\"button\" title=\"Home\">Start</button>\n")
            .Append("<button id=\"prev\" type=\"button\" title=\"Left arrow\">Prev</button>\n")
            .Append("<button id=\"play\" type=\"button\" title=\"Space\">Play</button>\n")
            .Append("<button id=\"next\" type=\"button\" title=\"Right arrow\">Next</button>\n")
            .Append("<button id=\"end\" type=\"button\" title=\"End\">End</button>\n")
            .Append("<input id=\"slider\" type=\"range\" min=\"0\" max=\"0\" value=\"0\" aria-label=\"step\">\n")
            .Append("<span id=\"counter\"></span>\n")
            .Append("<input id=\"search\" type=\"search\" placeholder=\"find a label\" aria-label=\"find a label\">\n<span id=\"found\"></span>\n")
            .Append("<button id=\"zoomin\" type=\"button\">+</button>\n<button id=\"zoomout\" type=\"button\">−</button>\n<button id=\"fit\" type=\"button\">Fit</button>\n")
            .Append("</header>\n<main id=\"view\">\n").Append(InlineSvg(svg)).Append("\n</main>\n")
            .Append("<aside>\n<h2>Chain rule</h2>\n<div id=\"line\"></div>\n<h2>Value</h2>\n<div id=\"info\">Hover over a value to see its numbers; click it to highlight what it depends on and what depends on it.</div>\n</aside>\n")
            .Append("<footer>Drawn by MicroGrad.Viz with Graphviz. Keys: ← → step, Space play, Home/End. Wheel zooms, drag pans.</footer>\n")
            .Append("<script type=\"application/json\" id=\"mgviz-data\">").Append(data).Append("</script>\n")
            .Append("<script>").Append(script).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The <c>&lt;svg&gt;</c> element of Graphviz's document, without the XML declaration, doctype and comments before it.</summary>
    private static string InlineSvg(string svg)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? throw new GraphvizFailedException(0, ["svg"], "Graphviz wrote no <svg> element.") : svg[start..].TrimEnd();
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Resource(string name)
    {
        using var stream = typeof(StepThroughPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from MicroGrad.Viz.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
