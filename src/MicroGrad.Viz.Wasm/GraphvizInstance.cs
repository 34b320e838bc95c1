using System.Diagnostics;
using System.Text;
using MicroGrad.Viz.Graphviz;
using Wasmtime;

namespace MicroGrad.Viz.Wasm;

/// <summary>
/// One instance of the Graphviz module: its own store, memory and C globals. Not thread-safe: one
/// rendering at a time. After a trap (stack, memory, abort) its state is undefined, so
/// <see cref="IsBroken"/> tells the pool to throw it away.
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
    private readonly Func<int, int> _malloc;
    private readonly Action<int> _free;
    private readonly Func<int, int> _readOneGraph;
    private readonly Func<int> _createContext;
    private readonly Func<int, int, int, int> _layout;
    private readonly Func<int, int, int, int> _render;
    private readonly Action<int, int> _freeLayout;
    private readonly Action<int> _freeGraph;
    private readonly Action<int> _freeContext;
    private readonly Action _resetErrors;
    private readonly Func<int> _graphvizVersion;
    private readonly StringBuilder _messages = new();
    private readonly long _memoryLimit;
    private bool _messagesTruncated;
    private long _deadline;
    private CancellationToken _cancellationToken;

    public GraphvizInstance(Engine engine, Module module, long memoryLimit)
    {
        _memoryLimit = memoryLimit;
        _store = new Store(engine);
        _store.SetLimits(memorySize: memoryLimit);
        _store.SetEpochDeadline(1);
        _store.SetEpochDeadlineCallback(OnEpochDeadline);

        using var linker = new Linker(engine);
        DefineImports(linker);
        var instance = linker.Instantiate(_store, module);
        _memory = instance.GetMemory("z") ?? throw Missing("z");
        _malloc = instance.GetFunction<int, int>("F") ?? throw Missing("F (malloc)");
        _free = instance.GetAction<int>("E") ?? throw Missing("E (free)");
        _graphvizVersion = instance.GetFunction<int>("D") ?? throw Missing("D (viz_get_graphviz_version)");
        _readOneGraph = instance.GetFunction<int, int>("I") ?? throw Missing("I (viz_read_one_graph)");
        _createContext = instance.GetFunction<int>("V") ?? throw Missing("V (viz_create_context)");
        _layout = instance.GetFunction<int, int, int, int>("X") ?? throw Missing("X (viz_layout)");
        _render = instance.GetFunction<int, int, int, int>("_") ?? throw Missing("_ (viz_render)");
        _freeLayout = instance.GetAction<int, int>("Y") ?? throw Missing("Y (viz_free_layout)");
        _freeGraph = instance.GetAction<int>("U") ?? throw Missing("U (viz_free_graph)");
        _freeContext = instance.GetAction<int>("W") ?? throw Missing("W (viz_free_context)");
        _resetErrors = instance.GetAction("Z") ?? throw Missing("Z (viz_reset_errors)");
        var constructors = instance.GetAction("A") ?? throw Missing("A (constructors)");

        Run(constructors, Timeout.InfiniteTimeSpan, CancellationToken.None);
    }

    /// <summary>A trap left the instance in an unknown state: discard it.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Why Graphviz stopped itself (exit, abort, failed assertion), if it did.</summary>
    public string? Stopped { get; private set; }

    /// <summary>Whether the last failure was a refused heap growth (the memory limit).</summary>
    public bool HeapGrowthRefused { get; private set; }

    public string ReadVersion()
    {
        int pointer = _graphvizVersion();
        return pointer == 0 ? "unknown" : _memory.ReadNullTerminatedString(pointer);
    }

    /// <summary>Lays out and renders one graph. Returns null output with the messages on a Graphviz error.</summary>
    public (byte[]? Output, string Messages) Render(byte[] dotUtf8, string format, string engine, TimeSpan timeout, CancellationToken cancellationToken)
    {
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
                    graph = _readOneGraph(source);
                    if (graph == 0)
                    {
                        return;
                    }

                    context = _createContext();
                    _resetErrors();
                    if (_layout(context, graph, engineName) != 0)
                    {
                        return;
                    }

                    result = _render(context, graph, formatName);
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
                        if (context != 0 && graph != 0)
                        {
                            _freeLayout(context, graph);
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
            timeout,
            cancellationToken);
        return (output, Messages());
    }

    public string Messages() => _messagesTruncated ? _messages + "\n[messages truncated]" : _messages.ToString();

    public void Dispose() => _store.Dispose();

    private static void FreeIf(int pointer, Action<int> free)
    {
        if (pointer != 0)
        {
            free(pointer);
        }
    }

    private static InvalidOperationException Missing(string export) =>
        new($"The Graphviz WebAssembly module has no export '{export}': it is not the module this version of MicroGrad.Viz.Wasm was built for.");

    /// <summary>Runs wasm code under the deadline and token; any trap marks the instance broken.</summary>
    private void Run(Action action, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _deadline = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        _store.SetEpochDeadline(1);
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
        _cancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new TimeoutException();
        }

        return 1;
    }

    private int CopyIn(byte[] bytes)
    {
        int pointer = _malloc(bytes.Length + 1);
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
        long length = _memory.GetLength();
        int end = pointer;
        while (end < length && _memory.ReadByte(end) != 0)
        {
            end++;
        }

        return _memory.GetSpan(pointer, end - pointer).ToArray();
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

    private void DefineImports(Linker linker)
    {
        linker.DefineFunction("a", "a", (int condition, int file, int line, int function) =>
            Stop($"assertion failed: {_memory.ReadNullTerminatedString(condition)} ({_memory.ReadNullTerminatedString(file)}:{line})"));
        linker.DefineFunction("a", "b", (int exception, int type, int destructor) => Stop("C++ exception thrown"));
        linker.DefineFunction("a", "c", (int status) => Stop($"exit({status})"));
        linker.DefineFunction("a", "h", () => Stop("abort()"));
        linker.DefineFunction("a", "d", (int fd, int iov, int count, int written) => WriteFd(fd, iov, count, written));
        linker.DefineFunction("a", "e", (int fd) => 0);
        linker.DefineFunction("a", "i", (int fd, int iov, int count, int read) => Ebadf);
        linker.DefineFunction("a", "r", (int fd, long offset, int whence, int position) => Espipe);
        linker.DefineFunction("a", "f", (int fd, int command, int arguments) => -Einval);
        linker.DefineFunction("a", "j", (int fd, int request, int arguments) => -Enotty);
        linker.DefineFunction("a", "l", (int directory, int path, int flags, int arguments) => -Enoent);
        linker.DefineFunction("a", "v", (int directory, int path, int buffer, int flags) => -Enoent);
        linker.DefineFunction("a", "w", (int fd, int buffer) => -Ebadf);
        linker.DefineFunction("a", "y", (int directory, int path, int mode, int flags) => -Enoent);
        linker.DefineFunction("a", "m", (int length, int protection, int flags, int fd, long offset, int allocated, int address) => -Enosys);
        linker.DefineFunction("a", "n", (int address, int length, int protection, int flags, int fd, long offset) => -Enosys);

        // Time and environment are fixed, so output never depends on the clock or the machine.
        linker.DefineFunction("a", "o", (long time, int tm) =>
        {
            _memory.GetSpan(tm, 36).Clear(); // struct tm: 1970-01-01 00:00:00, day 1
            _memory.WriteInt32(tm + 12, 1);
            _memory.WriteInt32(tm + 20, 70);
            return 0;
        });
        linker.DefineFunction("a", "q", (int timezone, int daylight, int standardName, int summerName) =>
        {
            _memory.WriteInt32(timezone, 0);
            _memory.WriteInt32(daylight, 0);
            _memory.WriteByte(standardName, 0);
            _memory.WriteByte(summerName, 0);
        });
        linker.DefineFunction("a", "x", (int clock, long precision, int time) =>
        {
            _memory.WriteInt64(time, 0);
            return 0;
        });
        linker.DefineFunction("a", "g", () => 0.0);
        linker.DefineFunction("a", "s", (int environ, int buffer) => 0);
        linker.DefineFunction("a", "t", (int count, int size) =>
        {
            _memory.WriteInt32(count, 0);
            _memory.WriteInt32(size, 0);
            return 0;
        });
        linker.DefineFunction("a", "u", (int buffer, int length) =>
        {
            // A constant "random" stream keeps layouts that use random starts reproducible.
            _memory.GetSpan(buffer, length).Fill(0x5A);
            return 0;
        });
        linker.DefineFunction("a", "k", (int requested) => GrowHeap((uint)requested));
        linker.DefineFunction("a", "p", (int text) =>
        {
            AddMessage(_memory.ReadNullTerminatedString(text));
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

    private void Stop(string reason)
    {
        Stopped = reason;
        IsBroken = true;
        throw new GraphvizStoppedException(reason);
    }

    /// <summary>Unwinds out of the module when Graphviz calls exit, abort or a failed assertion.</summary>
    private sealed class GraphvizStoppedException(string reason) : Exception(reason);
}
