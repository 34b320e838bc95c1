namespace MicroGrad.Viz.Cli.Commands;

/// <summary>Everything <c>mgviz render</c> was asked to do, checked and ready to run.</summary>
/// <param name="Program">The program and its inputs.</param>
/// <param name="Output">The output file, or null for standard output.</param>
/// <param name="Format">What to write.</param>
/// <param name="Drawing">How to draw.</param>
/// <param name="Rendering">Which Graphviz and how to run it.</param>
/// <param name="Watch">Draw again whenever the program file changes, until cancelled.</param>
/// <param name="Plain">--plain: the automatic views are off (the size guard's message says so).</param>
internal sealed record RenderSettings(
    ProgramSettings Program,
    string? Output,
    OutputFormat Format,
    DrawingOptions Drawing,
    RenderOptions Rendering,
    bool Watch = false,
    bool Plain = false);
