using System.Globalization;

namespace MicroGrad.Viz.Text;

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
        var rest = destination[prefix.Length..];
        if (!TryFormatFixed(number, precision, rest, out int digits)
            && !number.TryFormat(rest, out digits, Formats[precision], CultureInfo.InvariantCulture))
        {
            return false;
        }

        written = prefix.Length + digits;
        return true;
    }

    /// <summary>
    /// <c>number.ToString("F" + precision)</c> for the common case, about ten times faster: the value
    /// scaled by 10^precision is rounded as an integer. The scaled product is off the exact one by at
    /// most half an ulp, so whenever it is not within a few ulps of a rounding tie the integer is the
    /// one exact decimal rounding gives; otherwise (and for large numbers) this declines and the
    /// caller formats the slow, exact way. A property test compares the two on millions of doubles.
    /// </summary>
    internal static bool TryFormatFixed(double number, int precision, Span<char> destination, out int written)
    {
        written = 0;
        if (precision > 9 || !double.IsFinite(number))
        {
            return false;
        }

        double scaled = Math.Abs(number) * Powers[precision];
        if (scaled >= 1e15)
        {
            return false;
        }

        double floor = Math.Floor(scaled);
        double fraction = scaled - floor;
        double ulp = Math.BitIncrement(scaled) - scaled;
        if (Math.Abs(fraction - 0.5) <= 4 * ulp)
        {
            return false;
        }

        long rounded = (long)floor + (fraction > 0.5 ? 1 : 0);
        long unit = (long)Powers[precision];
        long whole = precision == 4 ? rounded / 10_000 : rounded / unit; // the default precision: a division by a constant
        long part = rounded - (whole * unit);
        int at = 0;
        if (double.IsNegative(number))
        {
            // .NET (like Python's %f) keeps the sign of negative values that round to zero: -0.0000.
            if (destination.Length == 0)
            {
                return false;
            }

            destination[at++] = '-';
        }

        if (whole < 10 && at < destination.Length)
        {
            destination[at++] = (char)('0' + whole); // most drawn numbers: no general integer formatting
        }
        else if (whole.TryFormat(destination[at..], out int wholeDigits, default, CultureInfo.InvariantCulture))
        {
            at += wholeDigits;
        }
        else
        {
            return false;
        }
        if (precision > 0)
        {
            if (destination.Length < at + 1 + precision)
            {
                return false;
            }

            destination[at++] = '.';
            for (int i = precision - 1; i >= 0; i--)
            {
                destination[at + i] = (char)('0' + (part % 10));
                part /= 10;
            }

            at += precision;
        }

        written = at;
        return true;
    }

    private static readonly double[] Powers = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

    /// <summary>Constants folded into operators: shortest round-trip, so <c>2</c> rather than <c>2.0000</c>.</summary>
    public static string Constant(double number) => Format(number, 0, roundTrip: true);

    private static readonly string[] Formats = [.. Enumerable.Range(0, 16).Select(p => "F" + p.ToString(CultureInfo.InvariantCulture))];
}
