using MicroGrad.Viz.Formats;

namespace MicroGrad.Viz.Tests.Formats;

/// <summary>The one table of output formats: names and file extensions, as the library and mgviz read them.</summary>
public class OutputFormatsTests
{
    [Theory]
    [InlineData("graph.svg", OutputFormat.Svg)]
    [InlineData("graph.PNG", OutputFormat.Png)]
    [InlineData("a/b/graph.pdf", OutputFormat.Pdf)]
    [InlineData("graph.dot", OutputFormat.Dot)]
    [InlineData("graph.gv", OutputFormat.Dot)]
    [InlineData("graph.json", OutputFormat.Json)]
    [InlineData("graph.xdot", OutputFormat.XDot)]
    [InlineData("graph.Plain", OutputFormat.Plain)]
    public void Formats_come_from_file_extensions(string path, OutputFormat expected)
    {
        Assert.True(OutputFormats.TryFromPath(path, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("graph")]
    [InlineData("graph.svgz")]
    [InlineData("graph.jpg")]
    [InlineData("graph.")]
    [InlineData("graph.graphviz-json")]
    [InlineData("graph.graphviz-dot")]
    public void Unknown_extensions_name_no_format(string path)
    {
        Assert.False(OutputFormats.TryFromPath(path, out _));
    }

    [Theory]
    [InlineData("svg", OutputFormat.Svg)]
    [InlineData("DOT", OutputFormat.Dot)]
    [InlineData("json", OutputFormat.Json)]
    [InlineData("graphviz-json", OutputFormat.GraphvizJson)]
    [InlineData("xdot", OutputFormat.XDot)]
    [InlineData("graphviz-dot", OutputFormat.GraphvizDot)]
    public void Names_parse_case_insensitively(string name, OutputFormat expected)
    {
        Assert.True(OutputFormats.TryParse(name, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("svg:cairo")]
    [InlineData("gv")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_names_are_not_formats(string? name)
    {
        Assert.False(OutputFormats.TryParse(name, out _));
    }

    [Fact]
    public void Every_format_has_one_row_and_the_lists_read_as_help_prints_them()
    {
        Assert.Equal(Enum.GetValues<OutputFormat>().Order(), OutputFormats.All.Select(f => f.Format).Order());
        Assert.Equal("svg, png, pdf, dot, json, xdot, plain, graphviz-json, graphviz-dot, html", OutputFormats.Names);
        Assert.Equal(".svg .png .pdf .dot .gv .json .xdot .plain .html .htm", OutputFormats.Extensions);
    }

    [Fact]
    public void Graphviz_is_asked_only_for_its_own_format_names()
    {
        // What reaches Graphviz's -T: json means Graphviz's JSON; dot and json of our own need no Graphviz;
        // the page needs a layout (it embeds Graphviz's SVG) but is not a Graphviz format.
        Assert.Equal(["svg", "png", "pdf", "xdot", "plain", "json", "dot", null], OutputFormats.All.Where(f => f.NeedsLayout).Select(f => f.GraphvizName));
        Assert.Equal("json", MicroGrad.Viz.Graphviz.GraphvizNames.Name(OutputFormat.GraphvizJson));
        Assert.Throws<ArgumentOutOfRangeException>(() => MicroGrad.Viz.Graphviz.GraphvizNames.Name(OutputFormat.Json));
        Assert.Throws<ArgumentOutOfRangeException>(() => MicroGrad.Viz.Graphviz.GraphvizNames.Name(OutputFormat.Html));
        Assert.DoesNotContain(OutputFormat.Html, new MicroGrad.Viz.Graphviz.NativeGraphviz().Formats);
    }
}
