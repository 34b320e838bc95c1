using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MicroGrad.Viz.Planning;

/// <summary>
/// A graph's values in topological order, over the first <see cref="Count"/> items of a pooled array: a
/// sealed list, so the passes' tens of thousands of lookups are direct calls.
/// </summary>
internal sealed class ValueOrder(Value[] values, int count) : IReadOnlyList<Value>
{
    private Value[] _values = values;

    public int Count { get; private set; } = count;

    public Value this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                OutOfRange(index); // a throw of its own, so the getter stays small enough to inline
            }

            return _values[index];
        }
    }

    [DoesNotReturn]
    private static void OutOfRange(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "Not a position in the order.");

    public IEnumerator<Value> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return _values[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Empties the list, whose array goes back to the pool.</summary>
    internal void Detach()
    {
        _values = [];
        Count = 0;
    }
}
