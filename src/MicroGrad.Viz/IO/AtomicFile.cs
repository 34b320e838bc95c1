namespace MicroGrad.Viz.IO;

/// <summary>
/// Writes a file through a temporary file in the same folder that replaces the target only when
/// writing succeeded: a failure never leaves a partial file and never touches an existing one.
/// A target that is a device, a pipe or a socket (<c>/dev/null</c>, <c>/dev/stdout</c>, a FIFO) is
/// written to directly instead, so it is never replaced by a regular file.
/// </summary>
internal static class AtomicFile
{
    public static async Task<string> WriteAsync(string path, Func<Stream, Task> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' is not a file path.", nameof(path));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot write '{target}': the folder '{folder}' does not exist.");
        }

        if (Directory.Exists(target))
        {
            throw new IOException($"Cannot write '{target}': it is a folder.");
        }

        // A device, pipe or socket is written to as it is: replacing it would destroy it.
        if (FileKind.IsSpecial(target))
        {
            var special = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16, useAsync: false);
            await using (special.ConfigureAwait(false))
            {
                await write(special).ConfigureAwait(false);
            }

            return target;
        }

        string temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await write(file).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: true);
            return target;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary file has a unique name and never replaces the target.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
