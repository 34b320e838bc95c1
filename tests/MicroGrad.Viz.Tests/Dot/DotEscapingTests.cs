using CsCheck;
using MicroGrad.TestSupport;
using MicroGrad.Viz.Dot;

namespace MicroGrad.Viz.Tests.Dot;

public class DotEscapingTests
{
    [Theory]
    [InlineData("v0", true)]
    [InlineData("_x_1", true)]
    [InlineData("Value", true)]
    [InlineData("1abc", false)]
    [InlineData("a-b", false)]
    [InlineData("a.b", false)]
    [InlineData("a b", false)]
    [InlineData("é", false)]
    [InlineData("x٣", false)]
    [InlineData("", false)]
    [InlineData("node", false)]
    [InlineData("NODE", false)]
    [InlineData("Graph", false)]
    [InlineData("digraph", false)]
    [InlineData("subGraph", false)]
    [InlineData("strict", false)]
    [InlineData("edge", false)]
    [InlineData("nodes", true)]
    public void Only_ascii_identifiers_that_are_not_keywords_stay_bare(string id, bool bare)
    {
        Assert.Equal(bare, DotEscaping.IsBareId(id));
        Assert.Equal(bare ? id : DotEscaping.Quoted(id), DotEscaping.Id(id));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\path\", "\"C:\\\\path\\\\\"")]
    [InlineData("two\nlines", "\"two\\nlines\"")]
    [InlineData("crlf\r\nend", "\"crlf\\nend\"")]
    [InlineData("tab\there", "\"tab here\"")]
    [InlineData("{x|y}<z>", "\"{x|y}<z>\"")]
    [InlineData("bell\u0007", "\"bell\u2407\"")]
    public void Quoted_strings_escape_backslashes_quotes_and_newlines(string text, string expected)
    {
        Assert.Equal(expected, DotEscaping.Quoted(text));
    }

    [Theory]
    [InlineData("data 2.0000", "data 2.0000")]
    [InlineData("{x}", @"\{x\}")]
    [InlineData("a|b", @"a\|b")]
    [InlineData("<port>", @"\<port\>")]
    [InlineData(" lead", "\u00A0lead")]
    [InlineData("trail ", "trail\u00A0")]
    [InlineData("two  spaces", "two\u00A0\u00A0spaces")]
    [InlineData("tab\tinside", "tab inside")]
    [InlineData("\ttab", "\u00A0tab")]
    [InlineData(@"back\", @"back\\")]
    [InlineData("q\"", "q\\\"")]
    [InlineData("a\nb", @"a\nb")]
    public void Record_fields_escape_structure_and_protect_the_spaces_that_matter(string text, string expected)
    {
        Assert.Equal(expected, DotEscaping.RecordField(text));
    }

    [Fact]
    public void Html_escapes_markup_characters()
    {
        Assert.Equal("&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39;<br/>x", DotEscaping.Html("<b> & \"q\" 's'\nx"));
    }

    [Fact]
    public void Html_keeps_emoji_pairs_and_shows_del_controls_and_lone_surrogates()
    {
        // By hand: the pair stays, DEL is shown as its control picture U+2421, U+0001 as U+2401, a lone
        // surrogate as U+FFFD, a carriage return is dropped.
        Assert.Equal("a😀b\u2421\u2401\uFFFDc", DotEscaping.Html("a😀b\u007f\u0001\uD800\rc"));
    }

    [Theory]
    [InlineData(4096, "", 1)] // exactly one piece
    [InlineData(4097, "", 2)] // one character over: a second piece
    [InlineData(4094, "\"", 1)] // 4,094 + the two characters of \" make 4,096: still one piece
    [InlineData(4095, "\"", 2)] // 4,095 + 2 is over: the escape starts the second piece, never split inside
    public void Quoted_strings_split_at_exactly_4096_characters_between_escapes(int letters, string tail, int pieces)
    {
        string quoted = DotEscaping.Quoted(new string('a', letters) + tail);
        string escapedTail = tail.Length == 0 ? string.Empty : "\\\"";

        string expected = pieces == 1
            ? "\"" + new string('a', letters) + escapedTail + "\""
            : tail.Length == 0
                ? "\"" + new string('a', 4096) + "\" + \"" + new string('a', letters - 4096) + "\""
                : "\"" + new string('a', letters) + "\" + \"" + escapedTail + "\"";
        Assert.Equal(expected, quoted);
        Assert.All(quoted.Split("\" + \""), piece => Assert.InRange(piece.Trim('"').Length, 1, 4096));
    }

    [Fact]
    public void Long_identifiers_are_quoted_so_they_are_split_like_any_long_string()
    {
        // Graphviz rejects one token of 16 KiB or more, bare or quoted: only quoted text can be split.
        string atLimit = new('a', DotEscaping.MaxQuotedChunkLength);
        string past = new('a', 16_400);

        Assert.Equal(atLimit, DotEscaping.Id(atLimit));
        Assert.Equal("\"" + new string('a', 4096) + "\" + \"" + new string('a', 4096) + "\" + \"" + new string('a', 4096) + "\" + \"" + new string('a', 4096) + "\" + \"" + new string('a', 16) + "\"", DotEscaping.Id(past));
    }

    [Fact]
    public void Entities_and_what_xml_forbids_are_written_so_graphviz_shows_them_literally()
    {
        Assert.Equal("\"&amp;lt;b&amp;gt; &amp;amp; &amp;#65535; \uFFFD\uFFFD\"", DotEscaping.Quoted("&lt;b&gt; &amp; &#65535; \uFFFE\uFFFF"));
        Assert.Equal("&amp;alpha;", DotEscaping.RecordField("&alpha;"));
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters_and_pairs_survive()
    {
        Assert.Equal("\"\uFFFDa😀\"", DotEscaping.Quoted("\uD800a😀"));
        Assert.Equal("\uFFFD", DotEscaping.RecordField("\uDC00"));
    }

    private static readonly Gen<string> Hostile = Gen.Frequency(
            (3, Gen.Char["{}|<>\"\\ \n\t\r"].Select(c => c.ToString())),
            (3, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (1, Gen.Char['\0', '\u001f'].Select(c => c.ToString())),
            (1, Gen.Char["אבגدهو"].Select(c => c.ToString())),
            (1, Gen.Char["\uD83D\uDE00\uD800\uFFFE\uFFFF"].Select(c => c.ToString())),
            (2, Gen.Int[0, 8].Select(i => new[] { "&", "&amp;", "&lt;b&gt;", "&alpha;", "&#65;", "&#x41;", "&#65535;", "&#xD800;", ";" }[i])))
        .Array[0, 40]
        .Select(pieces => string.Concat(pieces));

    [Fact]
    public void Record_fields_read_back_as_the_text_under_graphvizs_rules()
    {
        Property.Check(Hostile, text =>
        {
            string escaped = DotEscaping.RecordField(text);
            Assert.DoesNotContain('\n', escaped);
            Assert.Equal(LabelModel.Shown(text), GraphvizRecordReader.ReadField(escaped));
        });
    }

    [Fact]
    public void Quoted_strings_read_back_as_the_text_under_graphvizs_rules()
    {
        Property.Check(Hostile, text =>
        {
            string quoted = DotEscaping.Quoted(text);
            Assert.DoesNotContain('\n', quoted);
            Assert.Equal(LabelModel.Shown(text), GraphvizRecordReader.ReadQuoted(quoted));
        });
    }
}
