using System.Globalization;

namespace MicroGrad.Viz.Dot;

/// <summary>
/// A bare DOT id made of a prefix, a number and a suffix (<c>v12</c>, <c>v12_op</c>, <c>m0</c>): what a
/// drawing's tens of thousands of nodes are called, written by <see cref="DotWriter"/> without making a
/// string for each. Prefix and suffix are letters and underscores, so the id never needs quoting.
/// </summary>
internal readonly record struct NumberedId(string Prefix, int Number, string Suffix = "")
{
    public override string ToString() => Prefix + Number.ToString(CultureInfo.InvariantCulture) + Suffix;

    /// <summary>The most characters the id can have.</summary>
    public int MaxLength => Prefix.Length + 11 + Suffix.Length;

    /// <summary>Writes the id into <paramref name="destination"/>, which has room for <see cref="MaxLength"/> characters.</summary>
    /// <returns>How many characters were written.</returns>
    public int WriteTo(Span<char> destination)
    {
        int length = Copy(Prefix, destination);
        length += Digits(Number, destination[length..]);
        return length + Copy(Suffix, destination[length..]);
    }

    // The decimal digits of a non-negative number, as the invariant culture writes them; a drawing's ids
    // are most of its numbers, and this is a few times quicker than the general formatter.
    private static int Digits(int number, Span<char> destination)
    {
        System.Diagnostics.Debug.Assert(number >= 0, "ids are numbered from 0 up");
        int count = 1;
        for (int rest = number; rest >= 10; rest /= 10)
        {
            count++;
        }

        for (int i = count - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (number % 10));
            number /= 10;
        }

        return count;
    }

    // Ids are a few characters: a loop beats a block copy's call.
    private static int Copy(string text, Span<char> destination)
    {
        for (int i = 0; i < text.Length; i++)
        {
            destination[i] = text[i];
        }

        return text.Length;
    }
}
