using System.Globalization;

namespace MicroGrad.Viz.Emitting;

/// <summary>Fill colours by gradient sign and magnitude (see <see cref="DrawingOptions.ColorByGradient"/>).</summary>
internal static class GradientPalette
{
    private const double MinTint = 0.15;
    private static readonly (int R, int G, int B) Positive = (0xd7, 0x30, 0x27);
    private static readonly (int R, int G, int B) Negative = (0x45, 0x75, 0xb4);

    public const string NaNColor = "#ffd54f";

    /// <summary>The largest finite |gradient|, 0 when there is none.</summary>
    public static double Scale(IEnumerable<double> gradients)
    {
        double max = 0;
        foreach (double g in gradients)
        {
            if (double.IsFinite(g))
            {
                max = Math.Max(max, Math.Abs(g));
            }
        }

        return max;
    }

    /// <summary>White for 0, amber for NaN, otherwise red or blue tinted by |g| / scale (at least a faint tint).</summary>
    public static string Fill(double gradient, double scale)
    {
        if (double.IsNaN(gradient))
        {
            return NaNColor;
        }

        if (gradient == 0)
        {
            return "#ffffff";
        }

        double share = double.IsInfinity(gradient) || scale == 0 ? 1.0 : Math.Min(1.0, Math.Abs(gradient) / scale);
        double t = MinTint + ((1 - MinTint) * share);
        var target = gradient > 0 ? Positive : Negative;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"#{Mix(target.R, t):x2}{Mix(target.G, t):x2}{Mix(target.B, t):x2}");
    }

    /// <summary>Text on the deepest tints is white, so it stays readable.</summary>
    public static bool NeedsLightText(double gradient, double scale) =>
        double.IsInfinity(gradient) || (gradient != 0 && double.IsFinite(gradient) && scale > 0 && Math.Abs(gradient) / scale > 0.7);

    private static int Mix(int channel, double t) => (int)Math.Round(255 + ((channel - 255) * t), MidpointRounding.AwayFromZero);
}
