namespace MicroGrad.Viz.Embedded;

/// <summary>
/// The fixed text metric of the embedded renderer: Helvetica's advance widths (Arial has the same),
/// so node sizes never depend on the fonts installed where the SVG is made — the output is
/// byte-identical everywhere, and a label fits its box wherever a Helvetica-compatible font draws it.
/// </summary>
/// <remarks>
/// Widths are in thousandths of the font size, from Adobe's Helvetica metrics for printable ASCII.
/// Other characters count as 0.6 em (Greek, ×, …), wide East Asian ones as 1 em. Line height is 1.2 em.
/// </remarks>
internal static class TextMetric
{
    /// <summary>The font size every label is drawn at, in points (Graphviz's default).</summary>
    public const double FontSize = 14;

    /// <summary>The distance between baselines, in points.</summary>
    public const double LineHeight = FontSize * 1.2;

    // Printable ASCII, from ' ' (32) to '~' (126).
    private static readonly short[] AsciiWidths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
    ];

    /// <summary>The width of one line of text, in points.</summary>
    public static double Width(string line)
    {
        double thousandths = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            thousandths += CharacterWidth(rune.Value);
        }

        return thousandths * FontSize / 1000;
    }

    /// <summary>The width of the widest line and the height of all lines, in points.</summary>
    public static (double Width, double Height) Measure(IReadOnlyList<string> lines)
    {
        double width = 0;
        foreach (var line in lines)
        {
            width = Math.Max(width, Width(line));
        }

        return (width, Math.Max(1, lines.Count) * LineHeight);
    }

    private static int CharacterWidth(int codePoint) => codePoint switch
    {
        >= 32 and <= 126 => AsciiWidths[codePoint - 32],
        0xA0 => 278, // no-break space, as a space
        (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFF60) or (>= 0x1F300 and <= 0x1FAFF)
            or (>= 0x20000 and <= 0x3FFFD) => 1000,
        < 32 => 0,
        _ => 600,
    };
}
