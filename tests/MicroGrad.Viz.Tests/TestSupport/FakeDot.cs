namespace MicroGrad.Viz.Tests.TestSupport;

/// <summary>Shell scripts that stand in for <c>dot</c>, to provoke every process fault on purpose (Unix only).</summary>
internal sealed class FakeDot : IDisposable
{
    private FakeDot(string folder, string path)
    {
        Folder = folder;
        Path = path;
    }

    public string Folder { get; }

    public string Path { get; }

    public static FakeDot Create(string script)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Fake dot scripts are shell scripts; these process-fault tests run on Linux and macOS.");
        }

        string folder = Directory.CreateTempSubdirectory("mgviz-fake-dot-").FullName;
        string path = System.IO.Path.Combine(folder, "dot");
        File.WriteAllText(path, "#!/bin/sh\n" + script.Replace("$FOLDER", folder, StringComparison.Ordinal) + "\n");
        SetMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new FakeDot(folder, path);
    }

    public static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still hold a file for a moment; the folder is in the temp directory.
        }
    }
}
