using MicroGrad.Viz.Dot;

namespace MicroGrad.Viz.Tests.TestSupport;

/// <summary>The README's gallery (<c>docs/images</c>): drawn by the native Graphviz and, byte for byte, in-process.</summary>
internal static class Gallery
{
    public static readonly Dictionary<string, Func<DotGraph>> Images = new(StringComparer.Ordinal)
    {
        ["seed"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.Seed(backward: true)),
        ["neuron"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.Neuron()),
        ["neuron-gradients"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.Neuron(), new DrawingOptions { ColorByGradient = true }),
        ["neuron-exp"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.NeuronWithExp()),
        ["wide-sum"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.WideSum()),
        ["mlp-node-for-node"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.SmallMlp()),
        ["mlp-clusters"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.SmallMlp(), new DrawingOptions { Modules = ModuleView.Clusters, CollapseChains = true }),
        ["mlp-modules"] = () => ValueGraphWriter.ToDotGraph(SampleGraphs.SmallMlp(), new DrawingOptions { Modules = ModuleView.Collapsed, FoldConstants = true }),
    };
}
