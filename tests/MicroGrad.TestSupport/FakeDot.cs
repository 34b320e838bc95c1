namespace MicroGrad.TestSupport;

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
        // A child shell writes the script, not this process: a file this process held open for writing
        // would be inherited by any process another test forks meanwhile, and running the script while
        // such a copy is open fails with ETXTBSY ("Text file busy"), as it once did here.
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-c", "cat > \"$1\" && chmod 700 \"$1\"", "sh", path })
        {
            start.ArgumentList.Add(argument);
        }

        using (var writer = System.Diagnostics.Process.Start(start)!)
        {
            writer.StandardInput.Write("#!/bin/sh\n" + script.Replace("$FOLDER", folder, StringComparison.Ordinal) + "\n");
            writer.StandardInput.Close();
            writer.WaitForExit();
            Assert.True(writer.ExitCode == 0, $"could not write the fake dot at {path}");
        }

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
