using System.Globalization;
using System.Runtime.CompilerServices;
using MicroGrad.TestSupport;

namespace MicroGrad.Viz.Tests.TestSupport;

/// <summary>
/// Lets a test start this test assembly as a separate process that only writes the DOT of
/// <see cref="Graph"/> to standard output, in the culture named by <see cref="Variable"/>, and exits.
/// Without the variable (every normal test run) it does nothing.
/// </summary>
internal static class DotProbe
{
    public const string Variable = "MGVIZ_DOT_PROBE_CULTURE";

    public static Value Graph()
    {
        var root = SampleGraphs.Neuron() * new Value(-1.5, "k {|} \"é\" 😀");
        root.Label = "probe";
        root.Backward();
        return root;
    }

    public static DrawingOptions Options { get; } = new() { ColorByGradient = true, Title = "probe İ", RoundTrip = true };

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Test executable: this is its probe mode.")]
    [ModuleInitializer]
    internal static void RunIfAsked()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { } culture)
        {
            return;
        }

        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture;
        using (var stdout = Console.OpenStandardOutput())
        {
            MicroGrad.Viz.Dot.DotWriter.Write((Graph()).ToDotGraph(Options), stdout);
        }

        Environment.Exit(0);
    }
}
