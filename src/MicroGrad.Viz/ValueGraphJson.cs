using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MicroGrad.Viz;

/// <summary>
/// Exports a <see cref="Value"/> graph as JSON for other tools: every value once, inputs before
/// users, with the same ids the DOT drawing uses when constants are not folded.
/// </summary>
/// <remarks>
/// <para>The document (format <c>mgviz-graph</c>, version 1):</para>
/// <code>
/// {
///   "format": "mgviz-graph",
///   "version": 1,
///   "root": "v6",
///   "values": [
///     { "id": "v0", "label": "a", "op": "", "constant": false, "inputs": [], "data": 2, "grad": 6 },
///     …
///   ]
/// }
/// </code>
/// <para>
/// <c>label</c> is <see langword="null"/> for unlabelled values; <c>op</c> is empty for leaves;
/// <c>inputs</c> lists input ids in operand order with duplicates kept (<c>a*a</c> gives
/// <c>["v0", "v0"]</c>). Numbers are JSON numbers in shortest round-trip form; NaN and infinities,
/// which JSON cannot hold, are the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.
/// Output is UTF-8 without BOM, indented with two spaces, <c>\n</c> line endings. Strings escape only
/// what JSON requires (<c>"</c>, <c>\</c>, control characters) and U+2028/U+2029: <c>"+"</c>,
/// <c>"a &lt; b"</c> and emoji are written as they are; a lone surrogate, which UTF-8 cannot hold,
/// becomes U+FFFD.
/// </para>
/// </remarks>
public static class ValueGraphJson
{
    /// <summary>The value of the document's <c>format</c> property.</summary>
    public const string FormatName = "mgviz-graph";

    /// <summary>The value of the document's <c>version</c> property.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes the graph that ends in <paramref name="root"/> to a stream.</summary>
    /// <param name="root">The output value.</param>
    /// <param name="stream">The destination; left open.</param>
    public static void Write(Value root, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(stream);
        var order = root.TopologicalOrder();
        var ids = new Dictionary<Value, string>(order.Count, ReferenceEqualityComparer.Instance);
        foreach (var value in order)
        {
            ids.Add(value, "v" + ids.Count.ToString(CultureInfo.InvariantCulture));
        }

        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JsonTextEncoder.Instance });
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("version", FormatVersion);
        json.WriteString("root", ids[root]);
        json.WriteStartArray("values");
        foreach (var value in order)
        {
            json.WriteStartObject();
            json.WriteString("id", ids[value]);
            json.WriteString("label", value.Label);
            json.WriteString("op", value.Op);
            json.WriteBoolean("constant", value.IsConstant);
            json.WriteStartArray("inputs");
            foreach (var input in value.Inputs)
            {
                json.WriteStringValue(ids[input]);
            }

            json.WriteEndArray();
            WriteNumber(json, "data", value.Data);
            WriteNumber(json, "grad", value.Grad);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The JSON of the graph that ends in <paramref name="root"/>, as a string.</summary>
    /// <param name="root">The output value.</param>
    /// <returns>The JSON document.</returns>
    public static string ToJson(Value root)
    {
        using var stream = new MemoryStream();
        Write(root, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double number)
    {
        if (double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteString(name, double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
        }
    }
}
