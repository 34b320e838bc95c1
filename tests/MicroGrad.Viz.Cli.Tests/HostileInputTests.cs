using System.Text;

namespace MicroGrad.Viz.Cli.Tests;

/// <summary>
/// Programs and arguments that once crashed mgviz or flooded its stderr: each ends in one bounded
/// message and a normal exit code.
/// </summary>
public class HostileInputTests
{
    private const int FewKilobytes = 4 * 1024;

    private static async Task<(int Code, string Error, string Output)> RunAsync(params string[] args)
    {
        var console = new Commands.CommandRunTests.FakeConsole();
        int code = await console.RunAsync(args);
        return (code, console.Error.ToString()!, console.Stdout);
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    public static TheoryData<string, string> TooDeep => new()
    {
        { "a million nested parentheses", "y = " + Repeat("(", 1_000_000) + "x" + Repeat(")", 1_000_000) },
        { "a million nested calls", "y = " + Repeat("tanh(", 1_000_000) + "x" + Repeat(")", 1_000_000) },
        { "21,700 unary minuses", "y = " + Repeat("-", 21_700) + "x" },
        { "18,600 chained powers", "y = x" + Repeat("**x", 18_600) },
        { "an 18,600-term sum", "y = x" + Repeat("+x", 18_600) },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task Programs_too_deep_to_evaluate_are_a_usage_error_with_a_place(string what, string program)
    {
        var (code, error, output) = await RunAsync("render", program, "--set", "x=0.5");

        Assert.True(code == 2, $"{what}: exit {code}");
        Assert.StartsWith("mgviz: error: line 1, column ", error, StringComparison.Ordinal);
        Assert.Contains("more than 10,000 levels deep", error, StringComparison.Ordinal);
        Assert.True(error.Length < FewKilobytes, $"{what}: {error.Length} characters on stderr");
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task The_deepest_allowed_program_evaluates_on_any_thread()
    {
        // 10,000 levels: 9,999 additions under the assignment's expression. Test threads have small
        // stacks; mgviz evaluates programs on a thread of its own.
        var (code, error, output) = await RunAsync("render", "y = x" + Repeat("+x", 9_999), "--set", "x=0.5", "--format", "json");

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.Contains("\"data\": 5000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistake_at_the_end_of_a_ten_megabyte_line_prints_a_window_of_it()
    {
        // A ten-megabyte number is a shallow expression with a long line.
        string program = "y = 0." + Repeat("0", 10_000_000) + "1 + q";

        var (code, error, _) = await RunAsync("render", program);

        Assert.Equal(2, code);
        Assert.True(error.Length < FewKilobytes, $"{error.Length} characters on stderr");
        string[] lines = error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal($"mgviz: error: line 1, column {program.Length}: unknown name 'q': assign it before this line or give it with --set q=NUMBER", lines[0]);
        Assert.Equal("  …" + program[^61..], lines[1]);
        Assert.Equal("  " + new string(' ', 61) + "^", lines[2]);
    }

    [Fact]
    public async Task A_huge_name_in_a_message_is_cut()
    {
        string name = Repeat("n", 1_000_000);

        var (code, error, _) = await RunAsync("render", $"y = {name}");

        Assert.Equal(2, code);
        Assert.True(error.Length < FewKilobytes + 100, $"{error.Length} characters on stderr");
        Assert.Contains("[message cut at 4000 characters]", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus", "mgviz: error: 'bogus' is not a command; use render, gradcheck, doctor\n")]
    [InlineData("rendr", "mgviz: error: 'rendr' is not a command; use render, gradcheck, doctor. Did you mean 'render'?\n")]
    [InlineData("DOCTOR", "mgviz: error: 'DOCTOR' is not a command; use render, gradcheck, doctor. Did you mean 'doctor'?\n")]
    public async Task A_wrong_command_is_one_message_with_a_suggestion(string command, string expected)
    {
        var (code, error, _) = await RunAsync(command, "y = x");

        Assert.Equal(2, code);
        Assert.Equal(expected + "Run 'mgviz --help' for usage.\n", error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("1e-9")]
    [InlineData("0.0001")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("1e300")]
    public async Task Timeouts_outside_their_range_are_usage_errors(string seconds)
    {
        var (code, error, _) = await RunAsync("render", "y = x", "--set", "x=1", "--format", "svg", "--timeout", seconds);

        Assert.Equal(2, code);
        Assert.StartsWith("mgviz: error: --timeout must be a number of seconds from 0.001 to 2147483", error, StringComparison.Ordinal);
    }

    // Built at run time: a lone surrogate in an attribute would be stored as U+FFFD.
    public static TheoryData<string, string> Unprintable => new()
    {
        { "y = " + (char)0xD800 + "frob", "unexpected character" }, // the argument may reach mgviz as U+FFFD
        { "y = a" + '\0', "unexpected character U+0000" },
        { "y = 😀", "unexpected character '😀'" },
    };

    [Theory]
    [MemberData(nameof(Unprintable))]
    public async Task Characters_that_cannot_be_printed_are_named_by_code(string program, string expected)
    {
        // A lone surrogate once ended in an internal error (exit 70) while the message was built.
        var (code, error, _) = await RunAsync("render", program, "--set", "a=1");

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_starting_with_an_at_sign_is_a_program_not_a_response_file()
    {
        // System.CommandLine reads @name as a file of arguments; mgviz turns that off.
        var (code, error, _) = await RunAsync("render", "@/etc/passwd");

        Assert.Equal(2, code);
        Assert.StartsWith("mgviz: error: line 1, column 1: unexpected character '@'", error, StringComparison.Ordinal);
    }
}
