using System.CommandLine;

namespace MicroGrad.Viz.Cli.Commands;

/// <summary>The program argument and options shared by <c>render</c> and <c>gradcheck</c>.</summary>
internal sealed class ProgramOptions
{
    public Argument<string?> Program { get; } = new("program")
    {
        Description = "Statements like \"e = a*b; d = e + c; L = d*f\", separated by ';' or new lines.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> File { get; } = new("--file", "-f")
    {
        Description = "Read the program from FILE ('-' for standard input) instead of the argument.",
        HelpName = "FILE",
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Bind NAME to a number, making it an input leaf labelled NAME; it replaces a number the program assigns to NAME (a = 2), so a file can be re-run with other inputs. Repeatable.",
        HelpName = "NAME=NUMBER",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Root { get; } = new("--root")
    {
        Description = "Draw or check this name instead of the last statement.",
        HelpName = "NAME",
    };

    public void AddTo(Command command)
    {
        command.Add(Program);
        command.Add(File);
        command.Add(Set);
        command.Add(Root);
    }

    public ProgramSettings Bind(ParseResult result, bool backward)
    {
        string? text = result.GetValue(Program);
        string? file = result.GetValue(File);
        if (text is not null && file is not null)
        {
            throw new UsageException("give the program either as an argument or with --file, not both");
        }

        if (text is not null && text.StartsWith("--", StringComparison.Ordinal) && text.Length > 2 && char.IsAsciiLetter(text[2]))
        {
            // The program argument takes any token, so an unknown option would otherwise be read as a program.
            throw new UsageException($"unknown option '{text}'; run 'mgviz {result.CommandResult.Command.Name} --help' for the options");
        }

        if (text is null && file is null)
        {
            throw new UsageException("no program: pass it as an argument (mgviz render \"L = a*b\" --set a=2 --set b=3) or with --file");
        }

        return new ProgramSettings(new ProgramSource(text, file), result.GetValue(Set) ?? [], result.GetValue(Root), backward);
    }
}
