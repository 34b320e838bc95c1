namespace MicroGrad.Viz.Cli;

/// <summary>The streams mgviz talks through, so commands can be run against fakes.</summary>
internal sealed record ToolConsole(
    TextWriter Out,
    TextWriter Error,
    Func<Stream> OpenStandardOutput,
    Func<TextReader> OpenStandardInput,
    bool IsErrorTerminal)
{
    public static ToolConsole System { get; } = new(
        Console.Out,
        Console.Error,
        Console.OpenStandardOutput,
        () => new StreamReader(Console.OpenStandardInput(), Dot.DotWriter.Utf8),
        !Console.IsErrorRedirected);
}
