using System.Text;
using MicroGrad.Viz.Graphviz;
using Wasmtime;

namespace MicroGrad.Viz.Wasm;

/// <summary>
/// One instance of the Graphviz module: its own store, memory and C globals. Not thread-safe: one
/// rendering at a time, and one rendering in its life: Graphviz keeps state in its C globals from one
/// rendering to the next (counters that number SVG ids, static buffers, its record-label parser's
/// state), so a second rendering in the same instance may draw other bytes or crash. A fresh
/// instance costs about 0.7 ms (the module's memory image is mapped copy-on-write), far less than
/// any layout. After a trap (stack, memory, abort) its state is undefined too.
/// </summary>
/// <remarks>
/// The module is Emscripten's, not WASI: it imports 25 functions from module <c>a</c> under
/// minified names and exports its C functions minified too. The names below follow the import
/// table and <c>assignWasmExports</c> in <c>@viz-js/viz</c>'s <c>lib/backend.js</c>. Only five
/// imports do real work (stderr, heap growth, exit/abort, Graphviz's error callback, random);
/// the file system ones answer "no such file" because nothing is read or written through files.
/// </remarks>
internal sealed class GraphvizInstance : IDisposable
{
    // errno values of Emscripten's libc (the same numbers as WASI's).
    private const int Ebadf = 8;
    private const int Einval = 28;
    private const int Enoent = 44;
    private const int Enosys = 52;
    private const int Enotty = 59;
    private const int Espipe = 70;
    private const int PageSize = 65536;

    /// <summary>Messages kept per rendering; Graphviz can warn once per node.</summary>
    private const int MaxMessageChars = 64 * 1024;

    private readonly Store _store;
    private readonly Memory _memory;
    // Exports are called untyped: each typed wrapper (GetFunction<int, int>, ...) is a generic
    // instantiation the JIT compiles at start-up, and a cold start is the one time that matters.
    private readonly Function _malloc;
    private readonly Function _free;
    private readonly Function _readOneGraph;
    private readonly Function _createContext;
    private readonly Function _layout;
    private readonly Function _render;
    private readonly Function _freeLayout;
    private readonly Function _freeGraph;
    private readonly Function _freeContext;
    private readonly Function _resetErrors;
    private readonly Function _graphvizVersion;
    private readonly StringBuilder _messages = new();
    private readonly long _memoryLimit;
    private bool _messagesTruncated;
    private CancellationToken _cancellationToken;

    /// <summary>
    /// Bytes at the bottom of the C stack that hold a pattern: C code keeps its stack in linear memory,
    /// and running past the end writes over Graphviz's static data without a trap. A rendering that
    /// changed the pattern came within this many bytes of the end, and its result is not trusted.
    /// </summary>
    internal const int CanaryBytes = 16 * 1024;

    private const byte CanaryByte = 0xA5;

    private readonly int? _stackEnd;

    public GraphvizInstance(Engine engine, Module module, long memoryLimit, int? stackEnd = null)
    {
        _stackEnd = stackEnd;
        _memoryLimit = memoryLimit;
        _store = new Store(engine);
        _store.SetLimits(memorySize: memoryLimit);

        // No deadline is set: the store's starts at epoch 0, so the callback runs at the first tick
        // check and from then on once per tick, each time checking the token of the running call.
        _store.SetEpochDeadlineCallback(OnEpochDeadline);

        using var linker = new Linker(engine);
        DefineImports(linker);
        var instance = linker.Instantiate(_store, module);
        _memory = instance.GetMemory("z") ?? throw Missing("z");
        Function Export(string name, string what) => instance.GetFunction(name) ?? throw Missing($"{name} ({what})");
        _malloc = Export("F", "malloc");
        _free = Export("E", "free");
        _graphvizVersion = Export("D", "viz_get_graphviz_version");
        _readOneGraph = Export("I", "viz_read_one_graph");
        _createContext = Export("V", "viz_create_context");
        _layout = Export("X", "viz_layout");
        _render = Export("_", "viz_render");
        _freeLayout = Export("Y", "viz_free_layout");
        _freeGraph = Export("U", "viz_free_graph");
        _freeContext = Export("W", "viz_free_context");
        _resetErrors = Export("Z", "viz_reset_errors");
        var constructors = instance.GetAction("A") ?? throw Missing("A (constructors)");
        if (stackEnd is int end)
        {
            _memory.GetSpan(end, CanaryBytes).Fill(CanaryByte);
        }

        Run(constructors, CancellationToken.None);
    }

    /// <summary>A trap left the instance in an unknown state: discard it.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Whether <see cref="Render"/> ran in this instance: then its globals are no longer a fresh instance's, so it is not reused.</summary>
    public bool HasRendered { get; private set; }

    /// <summary>Whether the C stack reached its canary: the stack ran (or nearly ran) over the data below it.</summary>
    public bool StackOverran => _stackEnd is int end && _memory.GetSpan(end, CanaryBytes).IndexOfAnyExcept(CanaryByte) >= 0;

    /// <summary>Why Graphviz stopped itself (exit, abort, failed assertion), if it did.</summary>
    public string? Stopped { get; private set; }

    /// <summary>Whether the last failure was a refused heap growth (the memory limit).</summary>
    public bool HeapGrowthRefused { get; private set; }

    public string ReadVersion()
    {
        int pointer = Call(_graphvizVersion);
        return pointer == 0 ? "unknown" : _memory.ReadNullTerminatedString(pointer);
    }

    /// <summary>Lays out and renders one graph. Returns null output with the messages on a Graphviz error.</summary>
    public (byte[]? Output, string Messages) Render(byte[] dotUtf8, string format, string engine, CancellationToken cancellationToken)
    {
        HasRendered = true;
        _messages.Clear();
        _messagesTruncated = false;
        HeapGrowthRefused = false;
        byte[]? output = null;
        Run(
            () =>
            {
                int source = 0, formatName = 0, engineName = 0, graph = 0, context = 0, result = 0;
                try
                {
                    source = CopyIn(dotUtf8);
                    formatName = CopyIn(Encoding.ASCII.GetBytes(format));
                    engineName = CopyIn(Encoding.ASCII.GetBytes(engine));
                    graph = Call(_readOneGraph, source);
                    if (graph == 0)
                    {
                        return;
                    }

                    context = Call(_createContext);
                    _resetErrors.Invoke();
                    if (Call(_layout, context, graph, engineName) != 0)
                    {
                        return;
                    }

                    result = Call(_render, context, graph, formatName);
                    if (result != 0)
                    {
                        output = ReadNullTerminated(result);
                    }
                }
                finally
                {
                    // After a trap the C state is undefined: freeing would run more of it.
                    if (!IsBroken)
                    {
                        if (context != 0) // a context is only created for a graph that was read
                        {
                            _freeLayout.Invoke(context, graph);
                        }

                        FreeIf(graph, _freeGraph);
                        FreeIf(context, _freeContext);
                        FreeIf(result, _free);
                        FreeIf(source, _free);
                        FreeIf(formatName, _free);
                        FreeIf(engineName, _free);
                    }
                }
            },
            cancellationToken);
        return (output, Messages());
    }

    public string Messages() => _messagesTruncated ? _messages + "\n[messages truncated]" : _messages.ToString();

    public void Dispose() => _store.Dispose();

    private static void FreeIf(int pointer, Function free)
    {
        if (pointer != 0)
        {
            free.Invoke(pointer);
        }
    }

    private static int Call(Function function, params ReadOnlySpan<ValueBox> arguments) => (int)function.Invoke(arguments)!;

    private static InvalidOperationException Missing(string export) =>
        new($"The Graphviz WebAssembly module has no export '{export}': it is not the module this version of MicroGrad.Viz.Wasm was built for.");

    /// <summary>Runs wasm code that stops when the token is cancelled; any trap marks the instance broken.</summary>
    private void Run(Action action, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        try
        {
            action();
        }
        catch (WasmtimeException)
        {
            IsBroken = true;
            throw;
        }
    }

    private ulong OnEpochDeadline(Store store)
    {
        // Called on every epoch tick (10 ms) while wasm runs: throwing unwinds it as a trap.
        _cancellationToken.ThrowIfCancellationRequested();
        return 1;
    }

    private int CopyIn(byte[] bytes)
    {
        int pointer = Call(_malloc, bytes.Length + 1);
        if (pointer == 0)
        {
            throw new GraphvizCrashedException(
                $"Graphviz (in-process) could not allocate {bytes.Length + 1} bytes within its memory limit of {_memoryLimit / (1024 * 1024)} MiB.");
        }

        var span = _memory.GetSpan(pointer, bytes.Length + 1);
        bytes.CopyTo(span);
        span[^1] = 0;
        return pointer;
    }

    private byte[] ReadNullTerminated(int pointer)
    {
        var rest = _memory.GetSpan(pointer, (int)Math.Min(_memory.GetLength() - pointer, int.MaxValue));
        int length = rest.IndexOf((byte)0);
        return rest[..(length < 0 ? rest.Length : length)].ToArray();
    }

    private void AddMessage(string text)
    {
        int room = MaxMessageChars - _messages.Length;
        if (room > 0)
        {
            _messages.Append(text, 0, Math.Min(room, text.Length));
        }

        _messagesTruncated |= text.Length > room;
    }

    /// <summary>An import's body: its arguments in, its result out (ignored for imports without one).</summary>
    private delegate long ImportBody(ReadOnlySpan<ValueBox> a);

    private static readonly ValueKind[] s_none = [];
    private static readonly ValueKind[] s_i32 = [ValueKind.Int32];

    private static ValueKind[] Kinds(string signature) =>
        [.. signature.Select(c => c switch { 'i' => ValueKind.Int32, 'j' => ValueKind.Int64, _ => ValueKind.Float64 })];

    /// <summary>
    /// Defines an import untyped: typed definitions are generic methods the JIT compiles once per
    /// signature at start-up (18 ms of a cold start for these 25).
    /// </summary>
    private static void Import(Linker linker, string name, string parameters, bool returnsInt, ImportBody body) =>
        linker.DefineFunction("a", name, (Caller caller, ReadOnlySpan<ValueBox> arguments, Span<ValueBox> results) =>
        {
            long result = body(arguments);
            if (returnsInt)
            {
                results[0] = (int)result;
            }
        }, Kinds(parameters), returnsInt ? s_i32 : s_none);

    private void DefineImports(Linker linker)
    {
        Import(linker, "a", "iiii", false, a =>
            Stop($"assertion failed: {_memory.ReadNullTerminatedString(a[0].AsInt32())} ({_memory.ReadNullTerminatedString(a[1].AsInt32())}:{a[2].AsInt32()})"));
        Import(linker, "b", "iii", false, a => Stop("C++ exception thrown"));
        Import(linker, "c", "i", false, a => Stop($"exit({a[0].AsInt32()})"));
        Import(linker, "h", "", false, a => Stop("abort()"));
        Import(linker, "d", "iiii", true, a => WriteFd(a[0].AsInt32(), a[1].AsInt32(), a[2].AsInt32(), a[3].AsInt32()));
        Import(linker, "e", "i", true, a => 0);
        Import(linker, "i", "iiii", true, a => Ebadf);
        Import(linker, "r", "ijii", true, a => Espipe);
        Import(linker, "f", "iii", true, a => -Einval);
        Import(linker, "j", "iii", true, a => -Enotty);
        Import(linker, "l", "iiii", true, a => -Enoent);
        Import(linker, "v", "iiii", true, a => -Enoent);
        Import(linker, "w", "ii", true, a => -Ebadf);
        Import(linker, "y", "iiii", true, a => -Enoent);
        Import(linker, "m", "iiiijii", true, a => -Enosys);
        Import(linker, "n", "iiiiij", true, a => -Enosys);

        // Time and environment are fixed, so output never depends on the clock or the machine.
        Import(linker, "o", "ji", true, a =>
        {
            int tm = a[1].AsInt32();
            _memory.GetSpan(tm, 36).Clear(); // struct tm: 1970-01-01 00:00:00, day 1
            _memory.WriteInt32(tm + 12, 1);
            _memory.WriteInt32(tm + 20, 70);
            return 0;
        });
        Import(linker, "q", "iiii", false, a =>
        {
            _memory.WriteInt32(a[0].AsInt32(), 0);
            _memory.WriteInt32(a[1].AsInt32(), 0);
            _memory.WriteByte(a[2].AsInt32(), 0);
            _memory.WriteByte(a[3].AsInt32(), 0);
            return 0;
        });
        Import(linker, "x", "iji", true, a =>
        {
            _memory.WriteInt64(a[2].AsInt32(), 0);
            return 0;
        });
        linker.DefineFunction("a", "g", (Caller caller, ReadOnlySpan<ValueBox> arguments, Span<ValueBox> results) => results[0] = 0.0, s_none, [ValueKind.Float64]);
        Import(linker, "s", "ii", true, a => 0);
        Import(linker, "t", "ii", true, a =>
        {
            _memory.WriteInt32(a[0].AsInt32(), 0);
            _memory.WriteInt32(a[1].AsInt32(), 0);
            return 0;
        });
        Import(linker, "u", "ii", true, a =>
        {
            // A constant "random" stream keeps layouts that use random starts reproducible.
            _memory.GetSpan(a[0].AsInt32(), a[1].AsInt32()).Fill(0x5A);
            return 0;
        });
        Import(linker, "k", "i", true, a => GrowHeap((uint)a[0].AsInt32()));
        Import(linker, "p", "i", true, a =>
        {
            AddMessage(_memory.ReadNullTerminatedString(a[0].AsInt32()));
            return 0;
        });
    }

    private int WriteFd(int fd, int iov, int count, int written)
    {
        int total = 0;
        for (int i = 0; i < count; i++)
        {
            int pointer = _memory.ReadInt32(iov + (8 * i));
            int length = _memory.ReadInt32(iov + (8 * i) + 4);
            if (fd is 1 or 2 && length > 0)
            {
                AddMessage(Encoding.UTF8.GetString(_memory.GetSpan(pointer, length)));
            }

            total += length;
        }

        _memory.WriteInt32(written, total);
        return 0;
    }

    private int GrowHeap(uint requested)
    {
        long current = _memory.GetLength();
        if (requested <= current)
        {
            return 1;
        }

        // Emscripten's own policy: grow by at least a fifth, to amortise many small requests.
        long wanted = Math.Max(requested, current + (current / 5));
        wanted = Math.Min((wanted + PageSize - 1) / PageSize * PageSize, _memoryLimit);
        if (wanted < requested)
        {
            HeapGrowthRefused = true;
            return 0;
        }

        try
        {
            _memory.Grow((wanted - current) / PageSize);
            return 1;
        }
        catch (WasmtimeException)
        {
            HeapGrowthRefused = true;
            return 0;
        }
    }

    private long Stop(string reason)
    {
        Stopped = reason;
        throw new GraphvizStoppedException(reason);
    }

    /// <summary>Unwinds out of the module when Graphviz calls exit, abort or a failed assertion.</summary>
    private sealed class GraphvizStoppedException(string reason) : Exception(reason);
}
