using System.Collections;

namespace MicroGrad.Viz.Dot;

/// <summary>
/// An ordered set of attributes. Names keep the order in which they were first set, so the same
/// sequence of calls always writes the same DOT.
/// </summary>
public sealed class DotAttributes : IReadOnlyList<KeyValuePair<string, DotValue>>
{
    private readonly List<KeyValuePair<string, DotValue>> _items = new(4);

    /// <summary>The number of attributes.</summary>
    public int Count => _items.Count;

    /// <summary>The attribute at <paramref name="index"/>, in insertion order.</summary>
    /// <param name="index">The position.</param>
    public KeyValuePair<string, DotValue> this[int index] => _items[index];

    /// <summary>Gets or sets an attribute by name; setting an existing name keeps its position.</summary>
    /// <param name="name">The attribute name, e.g. <c>label</c>.</param>
    /// <exception cref="KeyNotFoundException">Getting a name that is not set.</exception>
    public DotValue this[string name]
    {
        get => TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"Attribute '{name}' is not set.");
        set => Set(name, value);
    }

    /// <summary>Sets an attribute; an existing one keeps its position.</summary>
    /// <param name="name">The attribute name; a non-empty identifier.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance, for chaining.</returns>
    public DotAttributes Set(string name, DotValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        int index = IndexOf(name);
        if (index >= 0)
        {
            _items[index] = new(name, value);
        }
        else
        {
            _items.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Removes an attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>Whether it was set.</returns>
    public bool Remove(string name)
    {
        int index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        _items.RemoveAt(index);
        return true;
    }

    /// <summary>Looks an attribute up by name.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value, when set.</param>
    /// <returns>Whether it is set.</returns>
    public bool TryGetValue(string name, out DotValue value)
    {
        int index = IndexOf(name);
        value = index >= 0 ? _items[index].Value : default;
        return index >= 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, DotValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string name)
    {
        // A plain loop: attribute lists are short, and a lambda would allocate on every call.
        for (int i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
