using System.Collections;

namespace MicroGrad.Viz.Planning;

/// <summary>
/// A graph's values in topological order, over the first <see cref="Count"/> items of a pooled array: a
/// sealed list, so the passes' tens of thousands of lookups are direct calls.
/// </summary>
internal sealed class ValueOrder(Value[] values, int count) : IReadOnlyList<Value>
{
    private Value[] _values = values;

    public int Count { get; private set; } = count;

    public Value this[int index] => (uint)index < (uint)Count ? _values[index] : throw new ArgumentOutOfRangeException(nameof(index));

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
