using System.Text;
using MicroGrad.Viz.Graphviz;
using Wasmtime;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>
/// The host side of the module's contract, checked against a stand-in module (<c>FakeGraphviz.wat</c>)
/// that calls each import and reports what came back: the real Graphviz calls most of them only on
/// paths no drawing takes (it opens no files), so the real module cannot show their answers. Expected
/// numbers are Emscripten's errno values (EBADF 8, EINVAL 28, ENOENT 44, ENOSYS 52, ENOTTY 59,
/// ESPIPE 70; WASI calls return them as they are, system calls negated) and the C struct layouts.
/// </summary>
public sealed class GraphvizInstanceTests : IDisposable
{
    private const long Limit = 4L << 20;

    private readonly GraphvizInstance _instance = new(FakeGraphviz.Runtime.Engine, FakeGraphviz.Runtime.Module, Limit);

    public void Dispose() => _instance.Dispose();

    private (string? Output, string Messages) Render(string command, string format = "svg", string engine = "dot")
    {
        var (output, messages) = _instance.Render(Encoding.UTF8.GetBytes(command), format, engine, CancellationToken.None);
        return (output is null ? null : Encoding.UTF8.GetString(output), messages);
    }

    [Fact]
    public void File_system_calls_fail_as_if_no_file_existed()
    {
        // fd_read EBADF, fd_seek ESPIPE, fcntl -EINVAL, ioctl -ENOTTY, openat/newfstatat -ENOENT,
        // fstat64 -EBADF, faccessat -ENOENT, mmap/munmap -ENOSYS, fd_close 0.
        Assert.Equal(("8 70 -28 -59 -44 -44 -8 -44 -52 -52 0", string.Empty), Render(FakeCommand.FileSystem));
    }

    [Fact]
    public void Time_time_zone_clock_and_environment_are_fixed_and_empty()
    {
        // localtime_js gives 1970-01-01 00:00:00 (tm_mday 1, tm_year 70) whatever the time asked and
        // touches only the nine ints of struct tm; tzset_js gives offset 0, no daylight saving and two
        // empty names; clock_time_get and emscripten_date_now give 0; the environment is empty.
        string expected = string.Join(
            ' ',
            "0", "0 0 0 1 0 70 0 0 0", "-1", // localtime's result, struct tm, the int after it (untouched)
            "0 0 0 0", "255",                 // timezone, daylight, two empty names, the byte after them
            "0 0 0",                          // clock_time_get's result and the 64-bit time it wrote
            "0",                              // emscripten_date_now
            "0 0 0 0", "-1");                 // environ_sizes_get and environ_get, the two counts, the untouched list
        Assert.Equal((expected, string.Empty), Render(FakeCommand.TimeAndEnvironment));
    }

    [Fact]
    public void Random_bytes_are_a_constant_stream_of_exactly_the_length_asked()
    {
        Assert.Equal(("0 90 90 90 90 90 90 90 90 0", string.Empty), Render(FakeCommand.Random));
    }

    [Fact]
    public void Writes_to_stdout_and_stderr_become_messages_and_other_files_are_swallowed()
    {
        // stderr gets three buffers (the second empty), stdout one, a file one: results and byte counts.
        Assert.Equal(("0 16 0 10 0 8", "to stderr\nagain\nto stdout\n"), Render(FakeCommand.Writes));
    }

    [Fact]
    public void The_heap_grows_by_at_least_a_fifth_in_whole_pages_up_to_the_limit()
    {
        // Pages of 64 KiB. 1,000 bytes fit; 100,000 need 2 pages, and then 131,072 fit; 655,360 bytes are 10 pages exactly;
        // one byte more asks for a fifth more (786,432 bytes, 12 pages) rather than 11; 4 MiB (the limit)
        // passes the limit check but the module's own maximum of 48 pages refuses it; 48 pages fit; a byte
        // past the limit is refused before trying.
        var (output, _) = Render(FakeCommand.HeapGrowth);

        Assert.Equal("1 1 1 2 1 2 1 10 1 12 0 12 1 48 0 48", output);
        Assert.True(_instance.HeapGrowthRefused);
        Assert.False(_instance.IsBroken);
    }

    [Fact]
    public void A_growth_the_memory_itself_refuses_is_a_refusal_too()
    {
        Assert.Equal("0 1", Render(FakeCommand.GrowthPastItsMaximum).Output);
        Assert.True(_instance.HeapGrowthRefused);
    }

    [Fact]
    public void A_module_that_grows_its_memory_itself_is_held_to_the_limit_too()
    {
        // 1 MiB is 16 pages: 20 more than the first one are refused (-1) by the store, though the
        // module's own maximum (48) allows them; 10 more are granted (the old size, 1).
        using var small = new GraphvizInstance(FakeGraphviz.Runtime.Engine, FakeGraphviz.Runtime.Module, 1L << 20);

        var (output, _) = small.Render(Encoding.UTF8.GetBytes(FakeCommand.GrowsItself), "svg", "dot", CancellationToken.None);

        Assert.Equal("-1 1 11", Encoding.UTF8.GetString(output!));
    }

    [Fact]
    public void An_empty_output_is_empty()
    {
        Assert.Equal(string.Empty, Render(FakeCommand.EmptyOutput).Output);
    }

    [Fact]
    public void A_refused_growth_is_forgotten_by_the_next_rendering()
    {
        Render(FakeCommand.HeapGrowth);
        Render(FakeCommand.FileSystem);

        Assert.False(_instance.HeapGrowthRefused);
    }

    [Fact]
    public void Text_goes_in_as_zero_terminated_utf8_and_comes_out_as_written()
    {
        // The fake's malloc hands out dirty memory, so a missing terminator would show as 0xAA bytes.
        Assert.Equal(("DOT Σ → ∞|svg|neato", string.Empty), Render("DOT Σ → ∞", "svg", "neato"));
        Assert.Equal(("DOT|plain|circo", string.Empty), Render("DOT", "plain", "circo"));
    }

    [Fact]
    public void An_output_that_runs_to_the_end_of_memory_ends_there()
    {
        Assert.Equal("zzzz", Render(FakeCommand.Unterminated).Output);
    }

    [Fact]
    public void Everything_allocated_for_a_rendering_is_freed_whatever_the_outcome()
    {
        Render("ok");  // output: frees the output, the text, the format and the engine names; the layout, graph and context
        Render(FakeCommand.SyntaxError);   // a syntax error: the three inputs only (no graph, no context)
        Render(FakeCommand.LayoutFails);   // a failed layout: the three inputs; the layout, graph and context
        Render(FakeCommand.NoOutput);   // no output: the same as a failed layout

        // frees, layouts, graphs, contexts, constructors run; Graphviz's errors were reset before each
        // layout: four (the three with a graph, and this rendering's own)
        Assert.Equal("13 3 3 3 1 4", Render(FakeCommand.Frees).Output);
    }

    [Fact]
    public void Graphviz_errors_come_back_as_messages_with_no_output()
    {
        Assert.Equal((null, "syntax error in line 1\n"), Render(FakeCommand.SyntaxError));
        Assert.Equal((null, string.Empty), Render(FakeCommand.LayoutFails));
        Assert.Equal((null, string.Empty), Render(FakeCommand.NoOutput));
        Assert.False(_instance.IsBroken);
    }

    [Fact]
    public void Messages_are_kept_up_to_64_kib_and_then_marked_truncated()
    {
        var (_, full) = Render(FakeCommand.FullMessages);
        Assert.Equal(new string('x', 65_536), full);

        var (_, over) = Render(FakeCommand.TooManyMessages);
        Assert.Equal(new string('x', 65_536) + "\n[messages truncated]", over);

        Assert.Equal(string.Empty, Render(FakeCommand.FileSystem).Messages);
    }

    [Theory]
    [InlineData(FakeCommand.FailedAssertion, "assertion failed: x > 0 (layout.c:42)")]
    [InlineData(FakeCommand.CppException, "C++ exception thrown")]
    [InlineData(FakeCommand.Exit3, "exit(3)")]
    [InlineData(FakeCommand.Abort, "abort()")]
    public void Exit_abort_and_failed_assertions_stop_the_instance_and_say_why(string command, string reason)
    {
        Assert.ThrowsAny<WasmtimeException>(() => Render(command));

        Assert.Equal(reason, _instance.Stopped);
        Assert.True(_instance.IsBroken);
    }

    [Fact]
    public void Running_out_of_stack_breaks_the_instance_without_a_stop_reason()
    {
        var trap = Assert.ThrowsAny<TrapException>(() => Render(FakeCommand.StackOverflow));

        Assert.Equal(TrapCode.StackOverflow, trap.Type);
        Assert.True(_instance.IsBroken);
        Assert.Null(_instance.Stopped);
    }

    [Fact]
    public void A_text_larger_than_the_allocator_gives_is_a_typed_error_naming_the_limit()
    {
        var error = Assert.Throws<GraphvizCrashedException>(() => Render(new string('d', 20_000)));

        Assert.Equal("Graphviz (in-process) could not allocate 20001 bytes within its memory limit of 4 MiB.", error.Message);
        Assert.False(_instance.IsBroken);
        Assert.Equal("ok|svg|dot", Render("ok").Output);
    }

    [Fact]
    public void A_module_without_a_version_text_says_unknown()
    {
        Assert.Equal("unknown", _instance.ReadVersion());
    }

    // The exports by their minified names and what they are in @viz-js/viz's lib/backend.js.
    [Theory]
    [InlineData("z", "z")]
    [InlineData("F", "F (malloc)")]
    [InlineData("E", "E (free)")]
    [InlineData("D", "D (viz_get_graphviz_version)")]
    [InlineData("I", "I (viz_read_one_graph)")]
    [InlineData("V", "V (viz_create_context)")]
    [InlineData("X", "X (viz_layout)")]
    [InlineData("_", "_ (viz_render)")]
    [InlineData("Y", "Y (viz_free_layout)")]
    [InlineData("U", "U (viz_free_graph)")]
    [InlineData("W", "W (viz_free_context)")]
    [InlineData("Z", "Z (viz_reset_errors)")]
    [InlineData("A", "A (constructors)")]
    public void A_module_that_lacks_an_export_is_refused_by_its_name(string lacking, string missing)
    {
        // Every export but one: a memory and empty functions (never called, the check comes first).
        string exports = string.Concat("FEDIVX_YUWZA".Where(name => name.ToString() != lacking).Select(name => $" (func (export \"{name}\"))"));
        string memory = lacking == "z" ? string.Empty : " (memory (export \"z\") 1)";
        var engine = FakeGraphviz.Runtime.Engine;
        using var module = Module.FromText(engine, "other", $"(module{memory}{exports})");

        var error = Assert.Throws<InvalidOperationException>(() => new GraphvizInstance(engine, module, Limit));

        Assert.Equal($"The Graphviz WebAssembly module has no export '{missing}': it is not the module this version of MicroGrad.Viz.Wasm was built for.", error.Message);
    }
}
