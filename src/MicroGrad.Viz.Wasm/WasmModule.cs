using System.Reflection;

namespace MicroGrad.Viz.Wasm;

/// <summary>The embedded Graphviz WebAssembly module (see <c>ThirdParty/README.md</c> for its provenance).</summary>
internal static class WasmModule
{
    /// <summary>The pinned SHA-256 of <c>ThirdParty/graphviz.wasm</c>; <c>tools/graphviz-wasm/reproduce.sh</c> checks the same value.</summary>
    public const string Sha256 = "b113d594ef25f4da9d12e83f7f1550f00aae8e8fa911ebc4c4417ec1293f1451";

    /// <summary>The Graphviz release compiled into the module.</summary>
    public const string GraphvizVersion = "16.1.0";

    /// <summary>
    /// Where Emscripten put the C stack: it grows down from 246,096 (the stack pointer global's
    /// initial value, also the heap's start) to 180,560, Emscripten's default 64 KiB, just above
    /// Graphviz's static data. Clusters nested 260 deep ran past it and wrote over that data.
    /// </summary>
    public const int OriginalStackTop = 246_096;

    /// <summary>The lowest address of the C stack (its end: it grows downwards).</summary>
    public const int StackEnd = OriginalStackTop - (64 * 1024);

    /// <summary>
    /// The C stack's top in the module we run: the heap starts above it instead, so the stack has
    /// 868,000 bytes, 13 times the original (the most a same-length patch allows: every constant
    /// stays a three-byte LEB128, below 2^20).
    /// </summary>
    public const int StackTop = 1_048_560;

    /// <summary>Names the compiled module in the cache: the module's hash and the patch (16 characters).</summary>
    public static string CacheKey => $"{Sha256[..8]}s{StackTop:x7}";

    /// <summary>The module as it runs: the embedded one with a larger C stack (<see cref="PatchStack"/>).</summary>
    public static byte[] ReadBytes() => PatchStack(ReadBytes(typeof(WasmModule).Assembly, "graphviz.wasm"));

    /// <summary>Reads the module from a resource of <paramref name="assembly"/>.</summary>
    internal static byte[] ReadBytes(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Graphviz WebAssembly module is missing from {assembly.GetName().Name}.dll (no resource '{resource}').");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Moves the C stack's top from <see cref="OriginalStackTop"/> to <see cref="StackTop"/>, in the
    /// four places that hold it: the stack pointer global's initial value, the heap's start
    /// (<c>sbrk</c>'s variable in the data section), and the main thread's stack base and size that
    /// the constructors store. Each is found by its exact bytes, once, or the module is refused.
    /// </summary>
    internal static byte[] PatchStack(byte[] module)
    {
        byte[] patched = (byte[])module.Clone();
        byte[] oldTop = [0x41, .. Leb3(OriginalStackTop)];
        byte[] newTop = [0x41, .. Leb3(StackTop)];

        // The global section's one entry: (global (mut i32) (i32.const 246096)).
        Replace(patched, [0x01, 0x7F, 0x01, .. oldTop, 0x0B], [0x01, 0x7F, 0x01, .. newTop, 0x0B], "the stack pointer's initial value");

        // The constructors' "i32.const 246096": the main thread's stack base (the global's is patched already).
        Replace(patched, oldTop, newTop, "the main thread's stack base");

        // Then "i32.const 175672; i32.const 65536": the main thread's stack size.
        Replace(patched, [0x41, .. Leb3(175_672), 0x41, 0x80, 0x80, 0x04], [0x41, .. Leb3(175_672), 0x41, .. Leb3(StackTop - StackEnd)], "the main thread's stack size");

        // sbrk's variable (at 173,608, starting as 246,096) in the data segment at 173,600, found with its neighbours.
        byte[] before = [0x90, 0xA5, 0x02, 0x00, 0x64, 0xAD, 0x02, 0x00, .. BitConverter.GetBytes(OriginalStackTop), .. "%m/"u8];
        byte[] after = [0x90, 0xA5, 0x02, 0x00, 0x64, 0xAD, 0x02, 0x00, .. BitConverter.GetBytes(StackTop), .. "%m/"u8];
        Replace(patched, before, after, "the heap's start");
        return patched;
    }

    /// <summary>A signed LEB128 of exactly three bytes (for values below 2^20), so a patch keeps every length.</summary>
    private static byte[] Leb3(int value) =>
        [(byte)((value & 0x7F) | 0x80), (byte)(((value >> 7) & 0x7F) | 0x80), (byte)((value >> 14) & 0x3F)];

    private static void Replace(byte[] module, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> replacement, string what)
    {
        var span = module.AsSpan();
        int at = span.IndexOf(expected);
        if (at < 0 || span[(at + 1)..].IndexOf(expected) >= 0)
        {
            throw new InvalidOperationException($"The Graphviz WebAssembly module does not hold {what} once where expected: it is not the module this version of MicroGrad.Viz.Wasm was built for.");
        }

        replacement.CopyTo(span[at..]);
    }
}
