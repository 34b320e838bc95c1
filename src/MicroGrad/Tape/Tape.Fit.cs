using System.Globalization;
using System.Text;

namespace MicroGrad;

// Checking that a graph built again has the recorded shape.
public sealed partial class Tape
{
    /// <summary>
    /// Checks that a graph built again has the shape this tape recorded: the same operations on the
    /// same positions, value for value (the leaves may be new values). Use it where the code that
    /// builds the graph might take another branch.
    /// </summary>
    /// <param name="output">The first output of the graph built again.</param>
    /// <exception cref="TapeMismatchException">The graph differs; the message says where.</exception>
    public void EnsureFits(Value output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var order = output.TopologicalOrder();
        if (order.Count != _reachable)
        {
            throw new TapeMismatchException(
                string.Create(CultureInfo.InvariantCulture, $"The graph has {order.Count:N0} values; the tape was recorded from a graph of {_reachable:N0}. Record a new tape for it."));
        }

        var index = new Dictionary<Value, int>(order.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < order.Count; i++)
        {
            index.Add(order[i], i);
            var (now, then) = (order[i], _order[i]);
            string shapeNow = Describe(now, index), shapeThen = Describe(then, _index);
            if (shapeNow != shapeThen)
            {
                string where = now.Scope is { } scope ? " (in " + scope.Path + ")" : string.Empty;
                throw new TapeMismatchException(
                    string.Create(CultureInfo.InvariantCulture, $"Value {i:N0} of {order.Count:N0}{where} is {shapeNow} in this graph and {shapeThen} on the tape. Record a new tape for it."));
            }
        }
    }

    private static string Describe(Value value, Dictionary<Value, int> index)
    {
        if (value.IsLeaf)
        {
            return value.IsConstant ? "a constant" : "a leaf";
        }

        var inputs = value.Inputs;
        var at = new StringBuilder("'").Append(value.Op).Append("' of value");
        at.Append(inputs.Count == 1 ? " " : "s ");
        for (int k = 0; k < inputs.Count; k++)
        {
            at.Append(k == 0 ? string.Empty : " and ").Append(index.TryGetValue(inputs[k], out int i) ? i.ToString("N0", CultureInfo.InvariantCulture) : "?");
        }

        return at.ToString();
    }
}
