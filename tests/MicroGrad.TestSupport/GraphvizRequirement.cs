using MicroGrad.Viz.Graphviz;

namespace MicroGrad.TestSupport;

/// <summary>Tests that need the real Graphviz: required on CI, skipped (saying why) elsewhere.</summary>
internal static class GraphvizRequirement
{
    public static string RequireDot()
    {
        try
        {
            return new NativeGraphviz().FindDot();
        }
        catch (GraphvizNotFoundException) when (!Snapshot.IsCi)
        {
            Assert.Skip("Graphviz (dot) is not installed on this machine; install graphviz to run this test (CI installs it and never skips).");
            throw;
        }
    }
}
