using System.Text;
using MicroGrad.Viz.Formats;
using MicroGrad.Viz.Graphviz;
using Wasmtime;

namespace MicroGrad.Viz.Wasm;

/// <summary>
/// Graphviz 16.1 compiled to WebAssembly, running inside this process under Wasmtime: real
/// Graphviz layouts with nothing installed, and the same bytes on every machine (text widths come
/// from Graphviz's built-in font metrics, not the machine's fonts). Every layout engine; SVG, xdot,
/// plain, Graphviz's JSON and laid-out DOT; PNG and PDF by rasterising the SVG with Skia, every label in the
/// bundled Liberation Sans (metric-compatible with Helvetica), so text appears with no fonts installed.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="GraphRenderer"/> uses <see cref="Shared"/> by itself when this package is part of
/// the application and no native <c>dot</c> is found; set <see cref="RenderOptions.InProcess"/>
/// to choose an instance explicitly. <see cref="GraphRenderer"/> adds the timeout, the size guard
/// and atomic files; used directly, a rendering runs until it ends or its token is cancelled.
/// </para>
/// <para>
/// Good manners in a host process: a cancelled token stops a running layout within about 10 ms
/// (Wasmtime epoch interruption); running out of wasm stack (2 MiB: chains of about
/// 30,000 nodes) or out of the memory limit throws <see cref="GraphvizCrashedException"/> and
/// the process carries on. Each rendering runs on its own thread in a Graphviz instance of its own,
/// made for it (about 0.7 ms) and disposed after it, so a drawing depends only on its DOT: after any
/// history of earlier renderings, and beside concurrent ones, it is what a fresh process draws, and
/// the memory a big graph needed is released. The compiled module is cached in the
/// user's cache folder (<c>~/.cache/mgviz</c>, or <c>MGVIZ_CACHE_DIR</c>; empty to turn it off),
/// so only the first start in a machine compiles it.
/// </para>
/// </remarks>
public sealed class WasmGraphviz : IGraphvizBackend
{
    /// <summary>The default memory limit of one Graphviz instance: 1 GiB (a 3,000-node graph needs about 23 MiB).</summary>
    public static long DefaultMemoryLimit => 1L << 30;

    private const int ThreadStackBytes = 16 * 1024 * 1024;

    private static readonly Lazy<WasmGraphviz> s_shared = new(() => new WasmGraphviz());
    private static readonly OutputFormat[] s_formats =
        [OutputFormat.Svg, OutputFormat.Png, OutputFormat.Pdf, OutputFormat.XDot, OutputFormat.Plain, OutputFormat.GraphvizJson, OutputFormat.GraphvizDot];

    private readonly Lazy<GraphvizRuntime> _runtime;
    private readonly Lazy<InstancePool> _pool;
    private readonly Lock _warmUpLock = new();
    private Task? _warmUp;

    /// <summary>Creates an in-process Graphviz; instances share the compiled module but not their pools.</summary>
    /// <param name="memoryLimit">The most linear memory one Graphviz instance may use, in bytes; <see langword="null"/> for <see cref="DefaultMemoryLimit"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The limit is below 32 MiB or above 2 GiB (the module's own maximum).</exception>
    public WasmGraphviz(long? memoryLimit = null)
        : this(() => GraphvizRuntime.Shared, memoryLimit ?? DefaultMemoryLimit)
    {
    }

    /// <summary>An in-process Graphviz over another runtime (tests use a stand-in module).</summary>
    internal WasmGraphviz(Func<GraphvizRuntime> runtime, long memoryLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryLimit, 32L << 20);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(memoryLimit, 2L << 30);
        MemoryLimit = memoryLimit;
        _runtime = new Lazy<GraphvizRuntime>(runtime);
        _pool = new Lazy<InstancePool>(() => new InstancePool(_runtime.Value, memoryLimit, InstancePool.DefaultMaxIdle(Environment.ProcessorCount)));
    }

    /// <summary>The instance <see cref="GraphRenderer"/> uses unless told otherwise.</summary>
    public static WasmGraphviz Shared => s_shared.Value;

    /// <summary>The SHA-256 of the embedded module (hex), as pinned in <c>ThirdParty/README.md</c>.</summary>
    public static string ModuleSha256 => WasmModule.Sha256;

    /// <summary>
    /// Where the compiled module is cached for this module, Wasmtime version and CPU: under
    /// <c>MGVIZ_CACHE_DIR</c> when set (set it empty to turn the cache off), else the user's cache
    /// folder (<c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>, <c>~/Library/Caches</c>, <c>%LOCALAPPDATA%</c>)
    /// under <c>mgviz</c>; <see langword="null"/> when the cache is off.
    /// </summary>
    public static string? CacheFile => ModuleCache.FilePath(WasmModule.CacheKey);

    /// <summary>The Graphviz version it runs: <c>16.1.0</c>.</summary>
    public static string Version => WasmModule.GraphvizVersion;

    /// <inheritdoc/>
    public string Name => $"graphviz {Version} (in-process)";

    /// <inheritdoc/>
    public IReadOnlyCollection<OutputFormat> Formats => s_formats;

    /// <summary>The memory limit of one Graphviz instance, in bytes.</summary>
    public long MemoryLimit { get; }

    /// <summary>The instances made ahead that have not rendered yet (tests look at what renderings leave there).</summary>
    internal InstancePool Pool => _pool.Value;

    /// <summary>Compiles (or loads from the cache) the module and prepares one instance, so the first rendering is fast.</summary>
    /// <returns>A task that completes when Graphviz is ready.</returns>
    public Task WarmUpAsync()
    {
        lock (_warmUpLock)
        {
            return _warmUp ??= RunOnGraphvizThread<object?>(() =>
            {
                var pool = _pool.Value;
                pool.Return(pool.Rent());
                return null;
            });
        }
    }

    /// <summary>Asks the module which Graphviz it is (<c>gvcVersion</c>).</summary>
    /// <returns>The version text, e.g. <c>16.1.0</c>.</returns>
    public Task<string> ReadVersionAsync() => RunOnGraphvizThread(() =>
    {
        var pool = _pool.Value;
        var instance = pool.Rent();
        try
        {
            return instance.ReadVersion();
        }
        finally
        {
            pool.Return(instance);
        }
    });

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> RenderAsync(string dot, OutputFormat format, LayoutEngine engine, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (bytes, warnings) = await RenderAsync(dot, format, engine, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        return warnings;
    }

    /// <summary>Lays out DOT text and renders it in memory.</summary>
    /// <param name="dot">DOT text.</param>
    /// <param name="format">The output format; one of <see cref="Formats"/>.</param>
    /// <param name="engine">The layout engine.</param>
    /// <param name="cancellationToken">Stops the layout within about 10 ms.</param>
    /// <returns>The output, and the warnings Graphviz printed, one per line.</returns>
    /// <exception cref="NotSupportedException"><paramref name="format"/> is not one of <see cref="Formats"/>.</exception>
    /// <exception cref="GraphvizFailedException">Graphviz rejected the input, reported an <c>Error:</c>, or failed to lay it out; or the input holds more than one graph (see <see cref="GraphvizRules"/>).</exception>
    /// <exception cref="GraphvizCrashedException">Graphviz ran out of stack or memory, or stopped abnormally.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    internal Task<(byte[] Output, IReadOnlyList<string> Warnings)> RenderAsync(string dot, OutputFormat format, LayoutEngine engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dot);
        if (Array.IndexOf(s_formats, format) < 0)
        {
            throw new NotSupportedException(
                $"Graphviz in-process draws {string.Join(", ", s_formats.Select(f => OutputFormats.Get(f).Name))}; {OutputFormats.Get(format).Name} needs no Graphviz.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (GraphvizRules.FindTextAfterGraph(dot) is { } rejected)
        {
            throw new GraphvizFailedException(0, Describe(format, engine), rejected);
        }

        byte[] source = Encoding.UTF8.GetBytes(dot);
        return format is OutputFormat.Png or OutputFormat.Pdf
            ? RasterAsync(source, format, engine, cancellationToken)
            : RunOnGraphvizThread(() => Render(source, format, engine, cancellationToken));
    }

    /// <summary>PNG and PDF: Graphviz draws SVG (the module has no cairo), then Skia rasterises it.</summary>
    private async Task<(byte[] Output, IReadOnlyList<string> Warnings)> RasterAsync(byte[] source, OutputFormat format, LayoutEngine engine, CancellationToken cancellationToken)
    {
        var (svg, warnings) = await RunOnGraphvizThread(() => Render(source, OutputFormat.Svg, engine, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return (format == OutputFormat.Png ? Raster.SvgRaster.ToPng(svg) : Raster.SvgRaster.ToPdf(svg), warnings);
    }

    /// <summary>The command-line equivalent, for messages: what ran, with which format and engine.</summary>
    private string[] Describe(OutputFormat format, LayoutEngine engine) => GraphvizNames.CommandLine(Name, format, engine);

    private (byte[] Output, IReadOnlyList<string> Warnings) Render(byte[] source, OutputFormat format, LayoutEngine engine, CancellationToken cancellationToken)
    {
        // During a warm-up this waits for the module like the warm-up does (both values are lazy);
        // then each builds an instance (~20 ms), and both go to the pool.
        var runtime = _runtime.Value;
        var pool = _pool.Value;
        runtime.Enter();
        GraphvizInstance? instance = null;

        try
        {
            instance = pool.Rent();
            var (output, messages) = instance.Render(source, GraphvizNames.Name(format), GraphvizNames.Name(engine), cancellationToken);
            if (instance.StackOverran)
            {
                throw OutOfStack(null);
            }

            // The lines Lines drops say nothing the user can act on, whatever their level.
            string[] lines = Lines(messages);
            if (output is null || GraphvizRules.HasError(string.Join('\n', lines)))
            {
                throw new GraphvizFailedException(output is null ? 1 : 0, Describe(format, engine), messages);
            }

            return (output, lines);
        }
        catch (WasmtimeException exception)
        {
            throw Translate(exception, instance, format, engine, cancellationToken);
        }
        finally
        {
            // A rendered instance is disposed here (the pool keeps only unused ones).
            if (instance is not null)
            {
                pool.Return(instance);
            }

            runtime.Exit();
        }
    }

    private Exception Translate(WasmtimeException exception, GraphvizInstance? instance, OutputFormat format, LayoutEngine engine, CancellationToken cancellationToken)
    {
        if (Find<OperationCanceledException>(exception) is not null)
        {
            return new OperationCanceledException("The Graphviz layout was cancelled.", exception, cancellationToken);
        }

        // A stack that ran over Graphviz's data can fail in any way after: the overrun is the cause.
        if (exception is TrapException { Type: TrapCode.StackOverflow } || instance?.StackOverran == true)
        {
            return OutOfStack(exception);
        }

        // No instance: creating it failed, before Graphviz could say or do anything.
        if (instance is not null)
        {
            string messages = instance.Messages().Trim();
            string detail = messages.Length > 0 ? Environment.NewLine + messages : string.Empty;
            if (instance.HeapGrowthRefused)
            {
                return new GraphvizCrashedException(
                    $"Graphviz (in-process) ran out of memory: its limit is {MemoryLimit / (1024 * 1024)} MiB. Draw a smaller graph (the views shrink it) or use a native Graphviz.{detail}",
                    exception);
            }

            if (instance.Stopped is { } reason)
            {
                // Graphviz calls exit(1) after reporting some errors: that is a failure, not a crash.
                return reason.StartsWith("exit(", StringComparison.Ordinal) && messages.Length > 0
                    ? new GraphvizFailedException(1, Describe(format, engine), messages)
                    : new GraphvizCrashedException($"Graphviz (in-process) stopped: {reason}.{detail}", exception);
            }
        }

        return new GraphvizCrashedException($"Graphviz (in-process) stopped abnormally: {exception.Message}", exception);
    }

    private static GraphvizCrashedException OutOfStack(Exception? inner) => new(
        $"Graphviz (in-process) ran out of stack ({GraphvizRuntime.WasmStackBytes / (1024 * 1024)} MiB of wasm stack, {(WasmModule.StackTop - WasmModule.StackEnd) / 1000} kB of C stack): the graph is too deep for it. " +
        "Draw a smaller part of it (the views shrink it) or use a native Graphviz.",
        inner);

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// Graphviz's warnings, one per line. Without fonts, Graphviz estimates every non-ASCII byte as
    /// wide as a space and warns each time; with Σ in every chain node and any label allowed to hold
    /// Greek or emoji, that warning would come with most drawings and say nothing the user can act on.
    /// sfdp's "remove_overlap: Graphviz not built with triangulation library" says only that this build
    /// lacks a library the native one may have; the drawing honours <c>overlap=scalexy</c> without it.
    /// </summary>
    private static string[] Lines(string messages) =>
        [.. messages.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.Contains("no value for width of non-ASCII character", StringComparison.Ordinal)
                && !line.Contains("remove_overlap: Graphviz not built with triangulation library", StringComparison.Ordinal))];

    /// <summary>
    /// Runs wasm code on a thread of its own with a 16 MiB stack: Wasmtime runs wasm on the calling
    /// thread's stack, and the 2 MiB wasm stack plus the host's frames would overflow a thread-pool
    /// thread (1.5 MiB) — a crash of the process instead of a trap. A background thread, so a layout
    /// that never ends cannot keep the process from exiting.
    /// </summary>
    internal static Task<T> RunOnGraphvizThread<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    completion.SetResult(work());
                }
#pragma warning disable CA1031 // Every failure is handed to the awaiting caller.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    completion.SetException(exception);
                }
            },
            ThreadStackBytes)
        {
            IsBackground = true,
            Name = "Graphviz (wasm)",
        };
        thread.Start();
        return completion.Task;
    }
}
