using System.Collections;

namespace MicroGrad;

/// <summary>
/// The ordered inputs of a <see cref="Value"/> (none, one or two), without allocating.
/// Duplicates are kept: the inputs of <c>a * a</c> are <c>[a, a]</c>.
/// </summary>
public readonly struct ValueInputs : IReadOnlyList<Value>, IEquatable<ValueInputs>
{
    private readonly Value? _first;
    private readonly Value? _second;

    internal ValueInputs(Value? first, Value? second)
    {
        _first = first;
        _second = second;
    }

    /// <summary>The number of inputs: 0 for leaves, 1 for unary and 2 for binary operations.</summary>
    public int Count => _first is null ? 0 : _second is null ? 1 : 2;

    /// <summary>The input at <paramref name="index"/>, in operand order.</summary>
    /// <param name="index">0 for the first operand, 1 for the second.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public Value this[int index] => index switch
    {
        0 when _first is not null => _first,
        1 when _second is not null => _second,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"This value has {Count} input(s)."),
    };

    /// <summary>Compares two input lists by the identity of their values.</summary>
    public static bool operator ==(ValueInputs left, ValueInputs right) => left.Equals(right);

    /// <summary>Compares two input lists by the identity of their values.</summary>
    public static bool operator !=(ValueInputs left, ValueInputs right) => !left.Equals(right);

    /// <summary>Returns an enumerator over the inputs in operand order.</summary>
    /// <returns>An allocation-free enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Value> IEnumerable<Value>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ValueInputs other) =>
        ReferenceEquals(_first, other._first) && ReferenceEquals(_second, other._second);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueInputs other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_first, _second);

    /// <summary>Enumerates the inputs of a value in operand order.</summary>
    public struct Enumerator : IEnumerator<Value>
    {
        private readonly ValueInputs _inputs;
        private int _index;

        internal Enumerator(ValueInputs inputs)
        {
            _inputs = inputs;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly Value Current => _inputs[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _inputs.Count;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
