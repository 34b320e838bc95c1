using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace MicroGrad.Viz.Wasm.Raster;

/// <summary>
/// Turns Graphviz's SVG into PNG or PDF with Skia (through Svg.Skia), every label in the bundled
/// Liberation Sans — metric-compatible with the Helvetica Graphviz sized the labels for — so text
/// appears, and fits, on machines with no fonts at all.
/// </summary>
internal static class SvgRaster
{
    /// <summary>
    /// Svg.Skia draws Graphviz's point sizes as CSS pixels, 96 per inch — Graphviz's own PNG
    /// resolution. A PDF is measured in points, 72 per inch: drawn at 3/4 to keep its physical size.
    /// </summary>
    private const float PointsPerPixel = 72f / 96f;

    private static readonly Lazy<SKTypeface> s_font = new(LoadFont);

    public static byte[] ToPng(ReadOnlySpan<byte> svg)
    {
        var document = Load(svg);
        using var output = new MemoryStream();
        if (!document.Save(output, SKColors.Empty, SKEncodedImageFormat.Png, 100, 1f, 1f))
        {
            throw new InvalidOperationException("Skia could not encode the drawing as PNG.");
        }

        return output.ToArray();
    }

    public static byte[] ToPdf(ReadOnlySpan<byte> svg)
    {
        var document = Load(svg);
        var picture = document.Picture ?? throw new InvalidOperationException("Skia drew nothing from Graphviz's SVG.");
        using var output = new MemoryStream();

        // No dates: the same drawing gives the same bytes, as every other format does.
        var metadata = new SKDocumentPdfMetadata
        {
            Creator = $"Graphviz {WasmModule.GraphvizVersion} (in-process)",
            Producer = "MicroGrad.Viz (Skia)",
            Creation = null,
            Modified = null,
        };
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            var canvas = pdf.BeginPage(picture.CullRect.Width * PointsPerPixel, picture.CullRect.Height * PointsPerPixel);
            canvas.Scale(PointsPerPixel);
            canvas.DrawPicture(picture);
            pdf.EndPage();
            pdf.Close();
        }

        return output.ToArray();
    }

    private static SKSvg Load(ReadOnlySpan<byte> svg)
    {
        var document = new SKSvg();
        document.Settings.TypefaceProviders!.Clear();
        document.Settings.TypefaceProviders.Add(new BundledFont(s_font.Value));
        using var input = new MemoryStream(svg.ToArray(), writable: false);
        if (document.Load(input) is null)
        {
            throw new InvalidOperationException("Skia could not read Graphviz's SVG.");
        }

        return document;
    }

    private static SKTypeface LoadFont()
    {
        using var stream = typeof(SvgRaster).Assembly.GetManifestResourceStream("LiberationSans-Regular.ttf")
            ?? throw new InvalidOperationException("The bundled font is missing from MicroGrad.Viz.Wasm.dll.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("Skia could not read the bundled font.");
    }

    /// <summary>Answers every font family with the bundled font: the drawing never depends on the machine's fonts.</summary>
    private sealed class BundledFont(SKTypeface typeface) : ITypefaceProvider
    {
        public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) => typeface;
    }
}
