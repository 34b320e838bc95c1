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
        Span<char> buffer = stackalloc char[64];
        return TryWriteField(buffer, prefix, number, precision, roundTrip, out int written)
            ? new string(buffer[..written])
            : prefix + Format(number, precision, roundTrip);
    }

    /// <summary>
    /// Writes what <see cref="Field"/> returns into <paramref name="destination"/> without allocating;
    /// false (nothing usable written) when it does not fit or the number needs the slow path.
    /// </summary>
    public static bool TryWriteField(Span<char> destination, string prefix, double number, int precision, bool roundTrip, out int written)
    {
        written = 0;
        if (!double.IsFinite(number) || roundTrip || prefix.Length > destination.Length)
        {
            return false;
        }

        prefix.AsSpan().CopyTo(destination);
        if (!number.TryFormat(destination[prefix.Length..], out int digits, Formats[precision], CultureInfo.InvariantCulture))
        {
            return false;
        }

        written = prefix.Length + digits;
        return true;
    }

    /// <summary>Constants folded into operators: shortest round-trip, so <c>2</c> rather than <c>2.0000</c>.</summary>
    public static string Constant(double number) => Format(number, 0, roundTrip: true);

    private static readonly string[] Formats = [.. Enumerable.Range(0, 16).Select(p => "F" + p.ToString(CultureInfo.InvariantCulture))];
}
