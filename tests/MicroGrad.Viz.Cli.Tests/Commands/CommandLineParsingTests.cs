using MicroGrad.Viz.Cli.Commands;
using MicroGrad.Viz.Drawing;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Cli.Tests.Commands;

/// <summary>Parsing and binding of arguments, tested apart from running anything.</summary>
public class CommandLineParsingTests
{
    private static RenderSettings Render(params string[] args)
    {
        var cli = new MgvizCommandLine();
        var result = cli.Root.Parse(["render", .. args]);
        Assert.Empty(result.Errors);
        return cli.Render.Bind(result);
    }

    private static string RenderError(params string[] args) => Assert.Throws<UsageException>(() => Render(args)).Message;

    [Fact]
    public void Defaults_write_dot_to_standard_output_after_backward()
    {
        var settings = Render("L = a*b", "--set", "a=2", "--set", "b=3");

        Assert.Equal("L = a*b", settings.Program.Source.Text);
        Assert.Equal(["a=2", "b=3"], settings.Program.Sets);
        Assert.True(settings.Program.Backward);
        Assert.Null(settings.Output);
        Assert.Equal(OutputFormat.Dot, settings.Format);
        Assert.Equal(DrawingOptions.Default, settings.Drawing);
        Assert.Equal(RenderOptions.Default with { InProcess = MicroGrad.Viz.Wasm.WasmGraphviz.Shared }, settings.Rendering);
    }

    [Theory]
    [InlineData("out.svg", "Svg")]
    [InlineData("out.PNG", "Png")]
    [InlineData("dir/out.pdf", "Pdf")]
    [InlineData("out.gv", "Dot")]
    [InlineData("out.dot", "Dot")]
    [InlineData("out.json", "Json")]
    public void The_output_extension_picks_the_format(string output, string format)
    {
        var settings = Render("y = x", "-o", output);

        Assert.Equal(output, settings.Output);
        Assert.Equal(format, settings.Format.ToString());
    }

    [Fact]
    public void Format_wins_over_the_extension_and_dash_means_standard_output()
    {
        Assert.Equal(OutputFormat.Png, Render("y = x", "-o", "out.svg", "--format", "PNG").Format);
        var stdout = Render("y = x", "-o", "-", "--format", "svg");
        Assert.Null(stdout.Output);
        Assert.Equal(OutputFormat.Svg, stdout.Format);
    }

    [Fact]
    public void Drawing_and_graphviz_options_are_bound()
    {
        var settings = Render(
            "y = x", "--rankdir", "tb", "--precision", "2", "--fold-constants", "--color-grad", "--title", "T",
            "--no-backward", "--engine", "neato", "--timeout", "2.5", "--dot-path", "/opt/dot", "--root", "y");

        Assert.Equal(RankDirection.TopToBottom, settings.Drawing.Direction);
        Assert.Equal(2, settings.Drawing.Precision);
        Assert.True(settings.Drawing.FoldConstants);
        Assert.True(settings.Drawing.ColorByGradient);
        Assert.Equal("T", settings.Drawing.Title);
        Assert.False(settings.Program.Backward);
        Assert.Equal("y", settings.Program.Root);
        Assert.Equal(LayoutEngine.Neato, settings.Rendering.Engine);
        Assert.Equal(TimeSpan.FromSeconds(2.5), settings.Rendering.Timeout);
        Assert.Equal("/opt/dot", settings.Rendering.DotPath);
    }

    [Fact]
    public void View_flags_turn_views_on_plain_turns_the_automatic_ones_off()
    {
        var automatic = Render("y = x").Drawing;
        var chosen = Render("y = x", "--collapse-chains", "--collapse-terms", "--modules", "CLUSTERS", "--module-depth", "2").Drawing;
        var plain = Render("y = x", "--plain", "--fold-constants").Drawing;

        Assert.Null(automatic.FoldConstants);
        Assert.Null(automatic.CollapseChains);
        Assert.Null(automatic.Modules);
        Assert.True(chosen.CollapseChains);
        Assert.True(chosen.CollapseTerms);
        Assert.Equal(ModuleView.Clusters, chosen.Modules);
        Assert.Equal(2, chosen.ModuleDepth);
        Assert.True(plain.FoldConstants);
        Assert.False(plain.CollapseChains);
        Assert.False(plain.CollapseTerms);
        Assert.Equal(ModuleView.None, plain.Modules);
    }

    [Fact]
    public void The_size_guard_can_be_moved_or_lifted()
    {
        Assert.Equal(2000, Render("y = x").Rendering.MaxNodes);
        Assert.Equal(50, Render("y = x", "--max-nodes", "50").Rendering.MaxNodes);
        Assert.Equal(int.MaxValue, Render("y = x", "--force").Rendering.MaxNodes);
    }

    [Fact]
    public void The_program_can_come_from_a_file_or_standard_input()
    {
        Assert.Equal("prog.mg", Render("-f", "prog.mg").Program.Source.FilePath);
        Assert.True(Render("--file", "-").Program.Source.IsStandardInput);
    }

    [Theory]
    [InlineData(new[] { "y = x", "-o", "out.bmp" }, "cannot tell the format from 'out.bmp'; use .svg .png .pdf .dot .gv .json .xdot .plain .html .htm or --format")]
    [InlineData(new[] { "y = x", "--format", "gif" }, "--format 'gif' is not a format; use svg, png, pdf, dot, json, xdot, plain, graphviz-json, graphviz-dot, html")]
    [InlineData(new[] { "y = x", "--format", "3" }, "--format '3' is not a format; use svg, png, pdf, dot, json, xdot, plain, graphviz-json, graphviz-dot, html")]
    [InlineData(new[] { "y = x", "--rankdir", "RL" }, "--rankdir 'RL' must be LR or TB")]
    [InlineData(new[] { "y = x", "--precision", "16" }, "--precision must be between 0 and 15, got 16")]
    [InlineData(new[] { "y = x", "--engine", "dot;rm" }, "--engine 'dot;rm' is not a layout engine; use one of dot, neato, twopi, circo, fdp, sfdp, patchwork, osage")]
    [InlineData(new[] { "y = x", "--timeout", "0" }, "--timeout must be a number of seconds from 0.001 to 2147483, got 0")]
    [InlineData(new[] { "y = x", "--timeout", "1e-9" }, "--timeout must be a number of seconds from 0.001 to 2147483, got 1E-09")]
    [InlineData(new[] { "y = x", "--modules", "boxes" }, "--modules 'boxes' must be none, clusters or collapsed")]
    [InlineData(new[] { "y = x", "--module-depth", "0" }, "--module-depth must be at least 1, got 0")]
    [InlineData(new[] { "y = x", "--max-nodes", "0" }, "--max-nodes must be at least 1, got 0")]
    [InlineData(new[] { "y = x", "--precision", "-1" }, "--precision must be between 0 and 15, got -1")]
    [InlineData(new[] { "y = x", "--focus", "x", "--focus-depth", "-1" }, "--focus-depth cannot be negative, got -1")]
    [InlineData(new[] { "y = x", "-f", "p.mg" }, "give the program either as an argument or with --file, not both")]
    [InlineData(new string[0], "no program: pass it as an argument (mgviz render \"L = a*b\" --set a=2 --set b=3) or with --file")]
    [InlineData(new[] { "-f", "p.mg", "-o", "p.mg" }, "-o 'p.mg' is the program file itself; choose another output path")]
    [InlineData(new[] { "--bogus" }, "unknown option '--bogus'; run 'mgviz render --help' for the options")]
    public void Mistakes_are_explained(string[] args, string message)
    {
        Assert.Equal(message, RenderError(args));
    }

    [Fact]
    public void Gradcheck_binds_tolerance_and_step()
    {
        var cli = new MgvizCommandLine();
        var settings = cli.GradCheck.Bind(cli.Root.Parse(["gradcheck", "y = x*x", "--set", "x=2", "--tolerance", "1e-3", "--step", "1e-4"]));

        Assert.Equal(1e-3, settings.Tolerance);
        Assert.Equal(1e-4, settings.Step);
        Assert.Throws<UsageException>(() => cli.GradCheck.Bind(cli.Root.Parse(["gradcheck", "y = x", "--step", "0"])));
        Assert.Throws<UsageException>(() => cli.GradCheck.Bind(cli.Root.Parse(["gradcheck", "y = x", "--tolerance", "-1"])));
    }

    [Fact]
    public void Malformed_option_values_are_parse_errors()
    {
        var cli = new MgvizCommandLine();

        Assert.NotEmpty(cli.Root.Parse(["render", "y = x", "--precision", "four"]).Errors);
        Assert.NotEmpty(cli.Root.Parse(["render", "y = x", "--timeout"]).Errors);
        Assert.NotEmpty(cli.Root.Parse(["frobnicate"]).Errors);
    }

    [Theory]
    [InlineData(null, GraphvizChoice.Auto)]
    [InlineData("auto", GraphvizChoice.Auto)]
    [InlineData("Native", GraphvizChoice.Native)]
    [InlineData("INPROCESS", GraphvizChoice.InProcess)]
    public void The_renderer_is_bound(string? name, GraphvizChoice expected)
    {
        var settings = name is null ? Render("y = x", "-o", "y.svg") : Render("y = x", "-o", "y.svg", "--renderer", name);

        Assert.Equal(expected, settings.Rendering.Renderer);
    }

    [Fact]
    public void Renderer_mistakes_are_usage_errors()
    {
        Assert.Contains("must be auto, native or inprocess", RenderError("y = x", "--renderer", "embedded"), StringComparison.Ordinal);
    }

    [Fact]
    public void Mgviz_names_its_in_process_graphviz_explicitly()
    {
        // Discovery by name would not survive NativeAOT trimming of an unreferenced type; mgviz sets it.
        Assert.Same(MicroGrad.Viz.Wasm.WasmGraphviz.Shared, Render("y = x", "-o", "y.svg").Rendering.InProcess);
        Assert.Equal(LayoutEngine.Neato, Render("y = x", "-o", "y.svg", "--renderer", "inprocess", "--engine", "neato").Rendering.Engine);
    }
}
