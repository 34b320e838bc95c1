using System.Text;
using MicroGrad.Viz.Graphviz;
using Wasmtime;

namespace MicroGrad.Viz.Wasm.Tests;

/// <summary>
/// How <see cref="WasmGraphviz"/> turns each way a module can stop into the error a caller gets, and
/// which instances it reuses, driven by the stand-in module (<c>FakeGraphviz.wat</c>): the real Graphviz
/// cannot be made to call exit or abort on purpose.
/// </summary>
public sealed class WasmGraphvizErrorTests
{
    private const long Limit = 32L << 20;

    private readonly WasmGraphviz _graphviz = new(() => FakeGraphviz.Runtime, Limit);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<string> RenderAsync(string command, LayoutEngine engine = LayoutEngine.Dot)
    {
        var (output, _) = await _graphviz.RenderAsync(command, OutputFormat.Svg, engine, Token);
        return Encoding.UTF8.GetString(output);
    }

    [Fact]
    public async Task Exit_after_an_error_message_is_a_graphviz_failure_with_that_message()
    {
        var error = await Assert.ThrowsAsync<GraphvizFailedException>(() => RenderAsync(FakeCommand.ErrorThenExit1, LayoutEngine.Neato));

        Assert.Equal(1, error.ExitCode);
        Assert.Equal(["graphviz 16.1.0 (in-process)", "-Tsvg", "-Kneato"], error.Arguments);
        Assert.Equal("syntax error in line 1", error.StandardError);
        Assert.Equal("ok|svg|dot", await RenderAsync("ok"));
    }

    [Theory]
    [InlineData(FakeCommand.Exit3, "Graphviz (in-process) stopped: exit(3).")]
    [InlineData(FakeCommand.FailedAssertion, "Graphviz (in-process) stopped: assertion failed: x > 0 (layout.c:42).")]
    [InlineData(FakeCommand.Abort, "Graphviz (in-process) stopped: abort().")]
    [InlineData(FakeCommand.StackOverflow, "Graphviz (in-process) ran out of stack (2 MiB of wasm stack, 868 kB of C stack): the graph is too deep for it. Draw a smaller part of it (the views shrink it) or use a native Graphviz.")]
    public async Task Stops_without_a_message_and_stack_overflows_are_crashes_that_say_what_happened(string command, string message)
    {
        var error = await Assert.ThrowsAsync<GraphvizCrashedException>(() => RenderAsync(command));

        Assert.Equal(message, error.Message);
        Assert.Equal("ok|svg|dot", await RenderAsync("ok"));
    }

    [Fact]
    public async Task A_stop_other_than_exit_is_a_crash_even_after_a_message_and_keeps_the_message()
    {
        var error = await Assert.ThrowsAsync<GraphvizCrashedException>(() => RenderAsync(FakeCommand.ErrorThenAbort));

        Assert.Equal("Graphviz (in-process) stopped: abort()." + Environment.NewLine + "syntax error in line 1", error.Message);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_call_stops_it_before_any_layout()
    {
        // The instance made by the warm-up is not even rented: a layout started and then
        // interrupted would leave it broken, and it would be thrown away.
        await _graphviz.WarmUpAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _graphviz.RenderAsync(FakeCommand.Seconds, OutputFormat.Svg, LayoutEngine.Dot, new CancellationToken(canceled: true)));

        Assert.True(error.CancellationToken.IsCancellationRequested);
        Assert.Equal(1, _graphviz.Pool.IdleCount);
    }

    [Fact]
    public async Task Running_out_of_the_limit_names_the_limit_and_keeps_what_graphviz_said()
    {
        var error = await Assert.ThrowsAsync<GraphvizCrashedException>(() => RenderAsync(FakeCommand.OutOfMemory));

        Assert.Equal(
            "Graphviz (in-process) ran out of memory: its limit is 32 MiB. Draw a smaller graph (the views shrink it) or use a native Graphviz."
                + Environment.NewLine + "syntax error in line 1",
            error.Message);
    }

    [Fact]
    public async Task Any_other_trap_is_a_crash_with_wasmtimes_words()
    {
        var error = await Assert.ThrowsAsync<GraphvizCrashedException>(() => RenderAsync(FakeCommand.Unreachable));

        Assert.StartsWith("Graphviz (in-process) stopped abnormally: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<WasmtimeException>(error.InnerException);
    }

    [Fact]
    public async Task Cancelling_a_layout_that_never_ends_says_it_was_cancelled()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _graphviz.RenderAsync(FakeCommand.Endless, OutputFormat.Svg, LayoutEngine.Dot, cancel.Token));

        Assert.Equal("The Graphviz layout was cancelled.", error.Message);
        Assert.Equal("ok|svg|dot", await RenderAsync("ok"));
    }

    [Fact]
    public async Task Warnings_that_say_nothing_the_user_can_act_on_are_left_out()
    {
        var (output, warnings) = await _graphviz.RenderAsync(FakeCommand.Warnings, OutputFormat.Svg, LayoutEngine.Dot, Token);

        Assert.Equal("W|svg|dot", Encoding.UTF8.GetString(output));
        Assert.Equal(["Warning: a real one"], warnings);
    }

    [Fact]
    public async Task No_rendering_sees_an_earlier_one_whatever_its_engine_or_failure()
    {
        // "f" prints what the instance freed so far and how many layouts it ran: a reused one
        // would remember the rendering before ("4 1 1 1 1 2").
        Assert.Equal("0 0 0 0 1 1", await RenderAsync(FakeCommand.Frees));
        Assert.Equal("0 0 0 0 1 1", await RenderAsync(FakeCommand.Frees));
        Assert.Equal(0, _graphviz.Pool.IdleCount);

        Assert.Equal("0 0 0 0 1 1", await RenderAsync(FakeCommand.Frees, LayoutEngine.Neato));
        Assert.Equal("0 0 0 0 1 1", await RenderAsync(FakeCommand.Frees, LayoutEngine.Neato));

        await Assert.ThrowsAsync<GraphvizCrashedException>(() => RenderAsync(FakeCommand.Exit3));
        Assert.Equal("0 0 0 0 1 1", await RenderAsync(FakeCommand.Frees));
    }
}
