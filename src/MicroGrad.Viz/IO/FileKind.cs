using System.Runtime.InteropServices;

namespace MicroGrad.Viz.IO;

/// <summary>
/// Tells a device, a pipe or a socket from a regular file, which .NET does not: writing to one by
/// replacing it with a temporary file would destroy it (<c>-o /dev/null</c> as root).
/// </summary>
internal static partial class FileKind
{
    private const uint TypeMask = 0xF000;
    private const uint RegularFile = 0x8000;
    private const uint Directory = 0x4000;

    /// <summary>
    /// Whether <paramref name="path"/> exists and is neither a regular file nor a folder (following
    /// links): a character or block device, a FIFO or a socket. Unknown (no answer from the system)
    /// counts as regular, which keeps the safe atomic replace for ordinary files.
    /// </summary>
    public static bool IsSpecial(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return IsWindowsDevice(path);
        }

        try
        {
            var buffer = new byte[512]; // larger than struct stat on every supported platform
            if (Stat(path, buffer) != 0)
            {
                return false;
            }

            uint mode = Mode(buffer);
            return (mode & TypeMask) is not (RegularFile or Directory);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// <c>st_mode</c> of <c>struct stat</c>: after <c>st_dev</c> and <c>st_ino</c> on 64-bit
    /// Linux x64 (offset 24); after <c>st_dev</c>, <c>st_ino</c> on arm64 Linux (offset 16, with
    /// <c>st_mode</c> before <c>st_nlink</c>); after a 32-bit <c>st_dev</c> on macOS (offset 4, 16 bits).
    /// </summary>
    private static uint Mode(byte[] buffer)
    {
        if (OperatingSystem.IsMacOS())
        {
            return BitConverter.ToUInt16(buffer, 4);
        }

        return RuntimeInformation.ProcessArchitecture == Architecture.X64
            ? BitConverter.ToUInt32(buffer, 24)
            : BitConverter.ToUInt32(buffer, 16);
    }

    private static int Stat(string path, byte[] buffer) =>
        OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.X64
            ? StatMacX64(path, buffer)
            : StatUnix(path, buffer);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatUnix(string path, byte[] buffer);

    [LibraryImport("libc", EntryPoint = "stat$INODE64", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatMacX64(string path, byte[] buffer);

    /// <summary>Windows's reserved device names (<c>NUL</c>, <c>CON</c>, <c>COM1</c>, …), with or without an extension.</summary>
    private static bool IsWindowsDevice(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path).TrimEnd(' ', '.').ToUpperInvariant();
        return name is "CON" or "PRN" or "AUX" or "NUL" or "CONIN$" or "CONOUT$"
            || (name.Length == 4 && (name.StartsWith("COM", StringComparison.Ordinal) || name.StartsWith("LPT", StringComparison.Ordinal)) && name[3] is >= '1' and <= '9');
    }
}
