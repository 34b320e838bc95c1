namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>
/// What the stand-in module (<c>FakeGraphviz.wat</c>) does, picked by the first character of the
/// "DOT" text it is given; any other text is echoed back as <c>text|format|engine</c>.
/// </summary>
internal static class FakeCommand
{
    /// <summary>Prints each file-system and mmap stub's answer.</summary>
    public const string FileSystem = "e";

    /// <summary>Prints what time, time zone, clock and environment calls wrote.</summary>
    public const string TimeAndEnvironment = "t";

    /// <summary>Prints eight random bytes and the byte after them.</summary>
    public const string Random = "u";

    /// <summary>Writes to stderr (three buffers, one empty), stdout and a file; prints results and counts.</summary>
    public const string Writes = "w";

    /// <summary>Asks for heap growth eight times, printing each answer and the memory's size in pages.</summary>
    public const string HeapGrowth = "k";

    /// <summary>Asks for a growth only the module's own maximum (48 pages) refuses.</summary>
    public const string GrowthPastItsMaximum = "g";

    /// <summary>Grows its memory itself (<c>memory.grow</c>) by 20 pages and then 10, printing the answers and the size.</summary>
    public const string GrowsItself = "G";

    /// <summary>Reports exactly 65,536 characters of messages.</summary>
    public const string FullMessages = "m";

    /// <summary>Reports 65,536 characters of messages and two more.</summary>
    public const string TooManyMessages = "M";

    /// <summary>Renders an empty output.</summary>
    public const string EmptyOutput = "E";

    /// <summary>Renders no output (a null pointer).</summary>
    public const string NoOutput = "n";

    /// <summary>Renders an output that runs to the end of memory with no terminating zero.</summary>
    public const string Unterminated = "z";

    /// <summary>Prints the counts of frees, freed layouts, graphs and contexts, whether the constructors ran, and error resets.</summary>
    public const string Frees = "f";

    /// <summary>Reports "syntax error in line 1" and reads no graph.</summary>
    public const string SyntaxError = "x";

    /// <summary>The layout fails without a message.</summary>
    public const string LayoutFails = "l";

    /// <summary>Fails the assertion <c>x &gt; 0</c> at layout.c:42.</summary>
    public const string FailedAssertion = "a";

    /// <summary>Throws a C++ exception.</summary>
    public const string CppException = "b";

    /// <summary>Calls <c>exit(3)</c>.</summary>
    public const string Exit3 = "c";

    /// <summary>Reports "syntax error in line 1", then calls <c>exit(1)</c>, as Graphviz does after some errors.</summary>
    public const string ErrorThenExit1 = "C";

    /// <summary>Calls <c>abort()</c>.</summary>
    public const string Abort = "h";

    /// <summary>Reports "syntax error in line 1", then calls <c>abort()</c>.</summary>
    public const string ErrorThenAbort = "H";

    /// <summary>Recurses until the wasm stack overflows.</summary>
    public const string StackOverflow = "s";

    /// <summary>Reports "syntax error in line 1", asks for more memory than any limit, then traps.</summary>
    public const string OutOfMemory = "K";

    /// <summary>Traps (<c>unreachable</c>).</summary>
    public const string Unreachable = "U";

    /// <summary>Loops for ever.</summary>
    public const string Endless = "L";

    /// <summary>Turns a loop 2^32 times: seconds of work.</summary>
    public const string Seconds = "T";

    /// <summary>Reports the two warnings the host filters out and one real one.</summary>
    public const string Warnings = "W";
}
