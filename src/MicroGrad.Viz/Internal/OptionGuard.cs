using System.Globalization;

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

    public static T Defined<T>(T value, string property)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw Outside(property, value, "must be one of " + string.Join(", ", Enum.GetNames<T>()));

    /// <summary>The exception for <paramref name="value"/> of <paramref name="property"/> breaking <paramref name="rule"/>.</summary>
    public static ArgumentOutOfRangeException Outside(string property, object value, string rule) => new(property, value, $"{property} {rule}.");
}
