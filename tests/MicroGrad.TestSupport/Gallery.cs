using MicroGrad.Viz;
using MicroGrad.Viz.Dot;
using MicroGrad.Viz.Drawing;

namespace MicroGrad.TestSupport;

/// <summary>The README's gallery (<c>docs/images</c>): drawn by the native Graphviz and, byte for byte, in-process.</summary>
internal static class Gallery
{
    public static readonly Dictionary<string, Func<DotGraph>> Images = new(StringComparer.Ordinal)
    {
        ["seed"] = () => (SampleGraphs.Seed(backward: true)).ToDotGraph(),
        ["neuron"] = () => (SampleGraphs.Neuron()).ToDotGraph(),
        ["neuron-gradients"] = () => (SampleGraphs.Neuron()).ToDotGraph(new DrawingOptions { ColorByGradient = true }),
        ["neuron-exp"] = () => (SampleGraphs.NeuronWithExp()).ToDotGraph(),
        ["wide-sum"] = () => (SampleGraphs.WideSum()).ToDotGraph(),
        ["mlp-node-for-node"] = () => (SampleGraphs.SmallMlp()).ToDotGraph(),
        ["mlp-clusters"] = () => (SampleGraphs.SmallMlp()).ToDotGraph(new DrawingOptions { Modules = ModuleView.Clusters, CollapseChains = true }),
        ["mlp-modules"] = () => (SampleGraphs.SmallMlp()).ToDotGraph(new DrawingOptions { Modules = ModuleView.Collapsed, FoldConstants = true }),
    };
}
