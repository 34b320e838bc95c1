using System.Text.Encodings.Web;

namespace MicroGrad.Viz.Json;

/// <summary>
/// Escapes only what a JSON string must escape — <c>"</c>, <c>\</c> and control characters (C0, DEL and C1, all invisible) — plus
/// U+2028/U+2029 (line breaks to JavaScript), so labels read as typed: <c>"+"</c>, not
/// <c>"\u002B"</c>; <c>a &lt; b</c>, <c>é</c> and emoji unescaped. The writer is
/// <see cref="System.Text.Json.Utf8JsonWriter"/>, whose default encoder escapes everything an HTML
/// page might misread; a graph export is not embedded in HTML.
/// </summary>
internal sealed class JsonTextEncoder : JavaScriptEncoder
{
    public static readonly JsonTextEncoder Instance = new();

    private JsonTextEncoder()
    {
    }

    // "\uXXXX" for each UTF-16 unit of the widest scalar.
    public override int MaxOutputCharactersPerInputCharacter => 12;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || (unicodeScalar >= 0x7F && unicodeScalar <= 0x9F) || unicodeScalar is '"' or '\\' or 0x2028 or 0x2029;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || WillEncode(c))
            {
                // A lone surrogate goes through TryEncodeUnicodeScalar as U+FFFD: UTF-8 cannot hold it.
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        string? text = WillEncode(unicodeScalar)
            ? unicodeScalar switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ => FormattableString.Invariant($"\\u{unicodeScalar:X4}"),
            }
            : null;
        if (text is null)
        {
            text = char.ConvertFromUtf32(unicodeScalar);
        }

        if (!text.AsSpan().TryCopyTo(output))
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        numberOfCharactersWritten = text.Length;
        return true;
    }
}
