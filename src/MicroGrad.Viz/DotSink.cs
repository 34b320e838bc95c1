using MicroGrad.Viz.Dot;

namespace MicroGrad.Viz;

/// <summary>
/// Where <see cref="ValueGraphBuilder"/> puts nodes and edges: into a <see cref="DotGraph"/> model,
/// or straight out as text. The builder sets a node's attributes right after adding it.
/// </summary>
internal abstract class DotSink
{
    /// <summary>Adds a node, to <paramref name="cluster"/> when given; the caller fills in its attributes.</summary>
    public abstract DotNode AddNode(DotSubgraph? cluster, string id);

    public abstract void AddEdge(string from, string to);

    /// <summary>Builds the model <see cref="ValueGraphWriter.ToDotGraph"/> returns.</summary>
    public sealed class Model(DotGraph graph) : DotSink
    {
        public override DotNode AddNode(DotSubgraph? cluster, string id)
        {
            var node = new DotNode(id);
            (cluster?.Nodes ?? graph.Nodes).Add(node);
            return node;
        }

        public override void AddEdge(string from, string to) => graph.AddEdge(from, to);
    }

    /// <summary>
    /// Writes nodes as soon as they are complete and keeps only the edges (two strings each), so a
    /// big graph is never held as a model: the text is the same as the model's, byte for byte.
    /// </summary>
    public sealed class Stream(TextWriter writer, DotGraph header, int expectedEdges) : DotSink
    {
        private readonly List<(string From, string To)> _edges = new(expectedEdges);
        private DotNode? _pending;
        private DotNode? _scratch;
        private bool _started;

        public override DotNode AddNode(DotSubgraph? cluster, string id)
        {
            if (cluster is not null)
            {
                throw new InvalidOperationException("Clusters need the DOT model; stream only graphs without them.");
            }

            Flush();

            // One node object serves them all: each is written before the next one is started.
            if (_scratch is null)
            {
                _scratch = new DotNode(id);
            }
            else
            {
                _scratch.Reset(id);
            }

            _pending = _scratch;
            return _pending;
        }

        public override void AddEdge(string from, string to) => _edges.Add((from, to));

        public void Finish()
        {
            Flush();
            foreach (var (from, to) in _edges)
            {
                DotWriter.WriteEdge(writer, header.Directed, from, null, to, null, null);
            }

            writer.Write("}\n");
        }

        private void Flush()
        {
            if (!_started)
            {
                DotWriter.WriteHeader(header, writer);
                _started = true;
            }

            if (_pending is not null)
            {
                DotWriter.WriteNode(writer, _pending, "  ");
                _pending = null;
            }
        }
    }
}
