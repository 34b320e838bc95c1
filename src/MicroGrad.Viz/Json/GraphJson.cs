using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MicroGrad.Viz.Json;

/// <summary>
/// Writes a <see cref="Value"/> graph as JSON for other tools: every value once, inputs before
/// users, with the same ids the DOT drawing uses when constants are not folded. The document is
/// described on <see cref="ValueDrawingExtensions.ToJson"/>.
/// </summary>
internal static class GraphJson
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
