using System.Diagnostics;
using MicroGrad.TestSupport;
using MicroGrad.Viz.IO;

namespace MicroGrad.Viz.Tests.IO;

/// <summary>Devices and pipes are written to, never replaced by a regular file.</summary>
public sealed class FileKindTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mgviz-filekind-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void RequireUnix() =>
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "devices and FIFOs as files are a Unix matter; Windows has reserved names instead");

    private string MakeFifo()
    {
        string path = Path.Combine(_folder, "pipe");
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    [Fact]
    public void Devices_and_fifos_are_special_and_files_and_folders_are_not()
    {
        RequireUnix();
        string file = Path.Combine(_folder, "file.svg");
        File.WriteAllText(file, "x");

        Assert.True(FileKind.IsSpecial("/dev/null"));
        Assert.True(FileKind.IsSpecial(MakeFifo()));
        Assert.False(FileKind.IsSpecial(file));
        Assert.False(FileKind.IsSpecial(_folder));
        Assert.False(FileKind.IsSpecial(Path.Combine(_folder, "missing.svg")));
    }

    [Fact]
    public async Task Saving_to_a_fifo_writes_through_it_and_leaves_it_a_fifo()
    {
        RequireUnix();
        string fifo = MakeFifo();
        var graph = (SampleGraphs.Seed(backward: true)).ToDotGraph();
        var reader = Task.Run(() => File.ReadAllText(fifo), TestContext.Current.CancellationToken);

        var result = await new GraphRenderer().SaveAsync(graph, fifo, OutputFormat.Dot, TestContext.Current.CancellationToken);

        Assert.Equal(MicroGrad.Viz.Dot.DotWriter.ToDot(graph), await reader.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(fifo, result.OutputPath);
        Assert.True(FileKind.IsSpecial(fifo), "the FIFO was replaced by a regular file");
        Assert.Equal(["pipe"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Saving_to_a_character_device_writes_to_it_and_leaves_it_a_device()
    {
        RequireUnix();
        Assert.SkipUnless(Environment.UserName == "root", "creating a device node (mknod) needs root; CI runs as root");

        // A node of its own for the null device (major 1, minor 3), so a regression replaces only this one.
        string device = Path.Combine(_folder, "null");
        using (var mknod = Process.Start("mknod", [device, "c", "1", "3"])!)
        {
            mknod.WaitForExit();
            Assert.Equal(0, mknod.ExitCode);
        }

        await new GraphRenderer().SaveAsync((SampleGraphs.Seed(backward: true)).ToDotGraph(), device, OutputFormat.Dot, TestContext.Current.CancellationToken);

        Assert.True(FileKind.IsSpecial(device), "the device was replaced by a regular file");
        Assert.Equal(["null"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
    }
}
