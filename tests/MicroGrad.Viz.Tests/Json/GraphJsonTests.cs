using System.Text.Json;
using CsCheck;
using MicroGrad.TestSupport;

namespace MicroGrad.Viz.Tests.Json;

/// <summary>The graph export: its exact text for a small graph, and labels that read back as written.</summary>
public sealed class GraphJsonTests
{
    [Fact]
    public void The_export_of_a_small_graph_is_this_text()
    {
        var a = new Value(2, "a");
        var s = a + 1.5;
        s.Label = "s <π> & \"😀\"";
        s.Backward();

        // Written by hand from the documented format: "+" and the label as typed, only the quote escaped.
        Assert.Equal(
            """
            {
              "format": "mgviz-graph",
              "version": 1,
              "root": "v2",
              "values": [
                {
                  "id": "v0",
                  "label": "a",
                  "op": "",
                  "constant": false,
                  "inputs": [],
                  "data": 2,
                  "grad": 1
                },
                {
                  "id": "v1",
                  "label": null,
                  "op": "",
                  "constant": true,
                  "inputs": [],
                  "data": 1.5,
                  "grad": 1
                },
                {
                  "id": "v2",
                  "label": "s <π> & \"😀\"",
                  "op": "+",
                  "constant": false,
                  "inputs": [
                    "v0",
                    "v1"
                  ],
                  "data": 3.5,
                  "grad": 1
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            s.ToJson());
    }

    [Theory]
    [InlineData("\u0000", "\"\\u0000\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("line\nbreak\r", "\"line\\nbreak\\r\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("del\u007F c1\u0085", "\"del\\u007F c1\\u0085\"")]
    [InlineData("js\u2028\u2029", "\"js\\u2028\\u2029\"")]
    [InlineData("<script>'x'</script> + - * / **", "\"<script>'x'</script> + - * / **\"")]
    public void Labels_escape_only_what_json_needs(string label, string expected)
    {
        string json = (new Value(0, label)).ToJson();

        Assert.Contains($"\"label\": {expected},", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_which_utf8_cannot_hold_becomes_the_replacement_character()
    {
        // Outside [InlineData]: the test runner's own serialisation would mangle the lone surrogate.
        string json = (new Value(0, "lone\uD800 pair\uD83D\uDE00")).ToJson();

        Assert.Contains("\"label\": \"lone\uFFFD pair\uD83D\uDE00\",", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_well_formed_label_reads_back_exactly()
    {
        var text = Gen.Frequency(
                (4, Gen.Char.AlphaNumeric.Select(c => c.ToString())),
                (3, Gen.Char["\"\\/<>&'+-*{}|\n\r\t\b\f\0\u001f\u007f\u0085\u2028\u2029 "].Select(c => c.ToString())),
                (2, Gen.Char['\u00a0', '\ud7ff'].Select(c => c.ToString())),
                (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)))
            .Array[0, 30]
            .Select(parts => string.Concat(parts));

        Property.Check(text, label =>
        {
            using var document = JsonDocument.Parse((new Value(1, label)).ToJson());
            return document.RootElement.GetProperty("values")[0].GetProperty("label").GetString() == label;
        });
    }
}
