using System.Globalization;
using System.Text;

namespace MicroGrad.Viz.Cli.Tests;

/// <summary>
/// Generated programs and option values through mgviz, seeded: whatever comes in, mgviz ends with
/// exit 0 or 2 (never an internal error or a crash), at most one bounded error message, and no file
/// left behind by a run that failed.
/// </summary>
public sealed class HostileProgramTests : IDisposable
{
    private const int Seed = 1129;
    private const int MaxStandardError = 4 * 1024 + 200;

    private static readonly string[] Tokens =
    [
        "a", "b", "x", "y", "L", "tanh", "exp", "log", "relu", "sigmoid", "pow", "frob", "1", "2.5", "-3e-2", "1e400", "0",
        "+", "-", "*", "/", "**", "(", ")", ",", "=", ";", "\n", "#", " ", "\t", "\r", "\0", "\"", "é", "😀", "\uD800",
        "NaN", "inf", ".", "..", "1.2.3", "@", "$", "\\", "{", "}",
    ];

    private static readonly string[] Valid =
    [
        "a = 2; b = -3; c = 10; f = -2; e = a*b; d = e + c; L = d*f",
        "x1 = 2; x2 = 0; w1 = -3; w2 = 1; b = 6.88; o = tanh(x1*w1 + x2*w2 + b)",
        "x = -4; z = 2*x + 2 + x; q = relu(z) + z*x; h = relu(z*z); y = h + q + q*x",
        "x = 0.5; y = x**3 / (1 + exp(-x))",
        "a = 1.5; b = 2; s = sigmoid(pow(a, 2) - log(b))",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Soup(Random random)
    {
        var text = new StringBuilder();
        int count = random.Next(1, 40);
        for (int i = 0; i < count; i++)
        {
            text.Append(Tokens[random.Next(Tokens.Length)]);
        }

        return text.ToString();
    }

    private static string Mutation(Random random)
    {
        var text = new StringBuilder(Valid[random.Next(Valid.Length)]);
        int edits = random.Next(1, 5);
        for (int i = 0; i < edits && text.Length > 0; i++)
        {
            int at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0: text.Remove(at, 1); break;
                case 1: text.Insert(at, Tokens[random.Next(Tokens.Length)]); break;
                default: text.Insert(at, text.ToString(at, Math.Min(5, text.Length - at))); break;
            }
        }

        return text.ToString();
    }

    private static string[] Options(Random random)
    {
        string[] values = ["-1", "0", "1", "3", "16", "1e-9", "0.0001", "1e300", "NaN", "abc", "", " ", "2147483648", "-0", "LR", "TB", "none", "clusters", "collapsed", "svg", "dot", "json", "xdot", "gif", "neato", "x"];
        string[] flags = ["--precision", "--max-nodes", "--timeout", "--rankdir", "--modules", "--module-depth", "--focus", "--focus-depth", "--format", "--engine", "--root", "--title", "--renderer"];
        var options = new List<string>();
        int count = random.Next(0, 3);
        for (int i = 0; i < count; i++)
        {
            options.Add(flags[random.Next(flags.Length)]);
            options.Add(values[random.Next(values.Length)]);
        }

        return [.. options];
    }

    [Fact]
    public async Task Five_hundred_generated_programs_end_in_success_or_one_bounded_usage_error()
    {
        var random = new Random(Seed);
        int runs = 0, failures = 0;
        for (int i = 0; i < 520; i++)
        {
            string program = i switch
            {
                0 => "y = " + new string('(', 1_000_000) + "x" + new string(')', 1_000_000),
                1 => "y = 0." + new string('0', 10_000_000) + "1 + q",
                2 => string.Concat(Enumerable.Repeat("a = 1;\n", 200_000)) + "y = a",
                _ => (i % 4) switch { 0 => Soup(random), 1 => Mutation(random), _ => Valid[random.Next(Valid.Length)] },
            };
            string output = Path.Combine(_folder, "out.dot");
            string[] args = ["render", program, "-o", output, .. (i % 4 == 3 ? [] : Options(random))];

            var console = new Commands.CommandRunTests.FakeConsole();
            int code = await console.RunAsync(args);
            string error = console.Error.ToString()!;
            string what = $"seed {Seed}, program {i}: {Shorten(program)} with {Shorten(string.Join(' ', args[4..]))}";
            if (code == 0)
            {
                Assert.Equal(string.Empty, error);
            }

            Assert.True(code is 0 or 2, $"{what}: exit {code}: {Shorten(error)}");
            Assert.True(error.Length <= MaxStandardError, $"{what}: {error.Length} characters on stderr");
            if (code != 0)
            {
                failures++;
                Assert.True(error.Split('\n').Count(line => line.StartsWith("mgviz: error:", StringComparison.Ordinal)) == 1, $"{what}: not one message: {Shorten(error)}");
                Assert.False(File.Exists(output), $"{what}: a failed run left {output}");
            }

            foreach (string left in Directory.GetFiles(_folder))
            {
                Assert.DoesNotContain(".tmp", left, StringComparison.Ordinal);
                File.Delete(left);
            }

            runs++;
        }

        Assert.Equal(520, runs);
        Assert.InRange(failures, 100, 500); // the generator makes both kinds
        TestContext.Current.SendDiagnosticMessage($"{runs} generated programs: {runs - failures} drawn, {failures} refused with one message (seed {Seed})");
    }

    [Fact]
    public async Task Programs_from_files_with_nul_and_invalid_utf8_are_read_or_refused_cleanly()
    {
        byte[][] sources =
        [
            [.. "y = a\0 + 1"u8],
            [0x79, 0x20, 0x3D, 0x20, 0xFF, 0xFE, 0x61],
            [0xEF, 0xBB, 0xBF, .. "y = a * 2"u8],
            [0x79, 0x20, 0x3D, 0x20, 0xC3],
            [],
        ];
        foreach (var (bytes, i) in sources.Select((b, i) => (b, i)))
        {
            string file = Path.Combine(_folder, $"p{i.ToString(CultureInfo.InvariantCulture)}.mg");
            await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);
            var console = new Commands.CommandRunTests.FakeConsole();

            int code = await console.RunAsync("render", "-f", file, "--set", "a=1", "--format", "dot");

            Assert.True(code is 0 or 2, $"source {i}: exit {code}: {console.Error}");
            Assert.True(console.Error.ToString()!.Length <= MaxStandardError);
        }
    }

    private static string Shorten(string text) =>
        text.Length <= 120 ? text.Replace("\n", "\\n", StringComparison.Ordinal) : text[..120].Replace("\n", "\\n", StringComparison.Ordinal) + $"… ({text.Length} chars)";
}
