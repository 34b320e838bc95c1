namespace MicroGrad.Viz.Cli.Commands;

/// <summary>What <c>mgviz render</c> writes. <see cref="Json"/> is mgviz's own graph export, not Graphviz's JSON.</summary>
internal enum OutputFormat
{
    Dot,
    Json,
    Svg,
    Png,
    Pdf,
}
