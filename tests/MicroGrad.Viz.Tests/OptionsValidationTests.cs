using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Tests;

/// <summary>
/// The options records check their own ranges, once, with the property's name first in the message:
/// mgviz says the same rule under its flag's name instead of checking again.
/// </summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, string> Broken => new()
    {
        { "Precision", "Precision must be between 0 and 15." },
        { "FanInThreshold", "FanInThreshold must be at least 1." },
        { "ModuleDepth", "ModuleDepth must be at least 1." },
        { "FocusDepth", "FocusDepth cannot be negative." },
        { "MaxNodes", "MaxNodes must be at least 1." },
        { "Timeout", "Timeout must be between 1 ms and about 24 days (or infinite)." },
        { "Renderer", "Renderer must be one of Auto, Native, InProcess." },
        { "Engine", "Engine must be one of Dot, Neato, Twopi, Circo, Fdp, Sfdp, Patchwork, Osage." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_value_out_of_range_names_its_property_and_its_rule(string property, string rule)
    {
        Action set = property switch
        {
            "Precision" => () => _ = new DrawingOptions { Precision = 16 },
            "FanInThreshold" => () => _ = new DrawingOptions { FanInThreshold = 0 },
            "ModuleDepth" => () => _ = new DrawingOptions { ModuleDepth = 0 },
            "FocusDepth" => () => _ = new DrawingOptions { FocusDepth = -1 },
            "MaxNodes" => () => _ = new RenderOptions { MaxNodes = 0 },
            "Timeout" => () => _ = new RenderOptions { Timeout = TimeSpan.FromTicks(1) },
            "Renderer" => () => _ = new RenderOptions { Renderer = (GraphvizChoice)7 },
            _ => () => _ = new RenderOptions { Engine = (LayoutEngine)42 },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(set);

        Assert.Equal(property, error.ParamName);
        Assert.StartsWith(rule + " (Parameter '" + property + "')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_edges_of_each_range_are_allowed()
    {
        Assert.Equal(0, new DrawingOptions { Precision = 0 }.Precision);
        Assert.Equal(15, new DrawingOptions { Precision = 15 }.Precision);
        Assert.Equal(1, new DrawingOptions { ModuleDepth = 1 }.ModuleDepth);
        Assert.Equal(0, new DrawingOptions { FocusDepth = 0 }.FocusDepth);
        Assert.Equal(1, new RenderOptions { MaxNodes = 1 }.MaxNodes);
        Assert.Equal(TimeSpan.FromMilliseconds(1), new RenderOptions { Timeout = TimeSpan.FromMilliseconds(1) }.Timeout);
    }

    [Fact]
    public void Every_named_renderer_and_engine_is_allowed_and_no_other()
    {
        // The guard compares the enums as numbers 0..last: every name must be in that range.
        foreach (var choice in Enum.GetValues<GraphvizChoice>())
        {
            Assert.Equal(choice, new RenderOptions { Renderer = choice }.Renderer);
        }

        foreach (var engine in Enum.GetValues<LayoutEngine>())
        {
            Assert.Equal(engine, new RenderOptions { Engine = engine }.Engine);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new RenderOptions { Renderer = (GraphvizChoice)Enum.GetValues<GraphvizChoice>().Length });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RenderOptions { Engine = (LayoutEngine)(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RenderOptions { Engine = (LayoutEngine)Enum.GetValues<LayoutEngine>().Length });
    }
}
