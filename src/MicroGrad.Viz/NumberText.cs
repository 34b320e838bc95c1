using System.Globalization;

namespace MicroGrad.Viz;

/// <summary>How drawings print numbers: invariant culture, whatever the machine's culture.</summary>
internal static class NumberText
{
    /// <summary>
    /// Fixed decimals (<c>2.0000</c>) or shortest round-trip. NaN prints <c>NaN</c>, infinities
    /// <c>∞</c> and <c>-∞</c>; negative zero keeps its sign (<c>-0.0000</c>), as Python's <c>%.4f</c> does.
    /// </summary>
    public static string Format(double number, int precision, bool roundTrip)
    {
        if (double.IsNaN(number))
        {
            return "NaN";
        }

        if (double.IsInfinity(number))
        {
            return number > 0 ? "∞" : "-∞";
        }

        return roundTrip
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : number.ToString(Formats[precision], CultureInfo.InvariantCulture);
    }

    /// <summary>A prefix and a number in one string, e.g. <c>data 2.0000</c>, formatted as <see cref="Format"/> does.</summary>
    public static string Field(string prefix, double number, int precision, bool roundTrip)
    {
        if (!double.IsFinite(number) || roundTrip)
        {
            return prefix + Format(number, precision, roundTrip);
        }

        Span<char> buffer = stackalloc char[64];
        prefix.AsSpan().CopyTo(buffer);
        return number.TryFormat(buffer[prefix.Length..], out int written, Formats[precision], CultureInfo.InvariantCulture)
            ? new string(buffer[..(prefix.Length + written)])
            : prefix + Format(number, precision, roundTrip);
    }

    /// <summary>Constants folded into operators: shortest round-trip, so <c>2</c> rather than <c>2.0000</c>.</summary>
    public static string Constant(double number) => Format(number, 0, roundTrip: true);

    private static readonly string[] Formats = [.. Enumerable.Range(0, 16).Select(p => "F" + p.ToString(CultureInfo.InvariantCulture))];
}
