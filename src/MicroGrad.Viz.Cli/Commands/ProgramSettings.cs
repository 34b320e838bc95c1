namespace MicroGrad.Viz.Cli.Commands;

/// <summary>Where the program text comes from: the argument, a file, or standard input (<c>-f -</c>).</summary>
internal sealed record ProgramSource(string? Text, string? FilePath)
{
    public bool IsStandardInput => FilePath == "-";

    public string Read(ToolConsole console)
    {
        if (Text is not null)
        {
            return Text;
        }

        if (IsStandardInput)
        {
            using var input = console.OpenStandardInput();
            return input.ReadToEnd();
        }

        return File.ReadAllText(FilePath!);
    }
}

/// <summary>What every command that evaluates a program needs.</summary>
internal sealed record ProgramSettings(ProgramSource Source, IReadOnlyList<string> Sets, string? Root, bool Backward);
