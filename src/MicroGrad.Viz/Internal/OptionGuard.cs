using System.Globalization;
using System.Runtime.CompilerServices;

namespace MicroGrad.Viz.Internal;

/// <summary>
/// The range checks of <see cref="DrawingOptions"/> and <see cref="RenderOptions"/>, in one wording: the
/// exception names the property and its message begins with it ("Precision must be between 0 and 15."),
/// so a caller with names of its own (mgviz's flags) can say the same with its name.
/// </summary>
internal static class OptionGuard
{
    public static int AtLeast(int value, int minimum, string property) =>
        value >= minimum ? value : throw Outside(property, value, string.Create(CultureInfo.InvariantCulture, $"must be at least {minimum}"));

    public static int Between(int value, int minimum, int maximum, string property) =>
        value >= minimum && value <= maximum ? value : throw Outside(property, value, string.Create(CultureInfo.InvariantCulture, $"must be between {minimum} and {maximum}"));

    /// <summary>
    /// <paramref name="value"/> when it is one of the enum's names, for enums numbered 0, 1, … up to
    /// <paramref name="last"/> (compared as numbers: <see cref="Enum.IsDefined{TEnum}(TEnum)"/> reads the
    /// enum's metadata on first use, a cost every program paid at start-up).
    /// </summary>
    public static T Defined<T>(T value, T last, string property)
        where T : struct, Enum
    {
        System.Diagnostics.Debug.Assert(Unsafe.SizeOf<T>() == sizeof(int), "the options' enums are ints");
        return (uint)Unsafe.As<T, int>(ref value) <= (uint)Unsafe.As<T, int>(ref last)
            ? value
            : throw Outside(property, value, "must be one of " + string.Join(", ", Enum.GetNames<T>()));
    }

    /// <summary>The exception for <paramref name="value"/> of <paramref name="property"/> breaking <paramref name="rule"/>.</summary>
    public static ArgumentOutOfRangeException Outside(string property, object value, string rule) => new(property, value, $"{property} {rule}.");
}
