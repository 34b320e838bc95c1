using MicroGrad.Viz.Graphviz;
using MicroGrad.Viz.Internal;

namespace MicroGrad.Viz;

/// <summary>
/// How <see cref="GraphRenderer"/> lays a drawing out, with either Graphviz: which one, which layout
/// engine, how long, how large. Every property has a documented default.
/// </summary>
public sealed record RenderOptions
{
    /// <summary>The environment variable consulted for the path of <c>dot</c> when <see cref="DotPath"/> is not set: <c>MGVIZ_DOT</c>.</summary>
    public static string DotPathVariable => DotPathVariableName;

    internal const string DotPathVariableName = "MGVIZ_DOT";

    /// <summary>The defaults.</summary>
    public static RenderOptions Default { get; } = new();

    /// <summary>
    /// Which Graphviz draws. Default <see cref="GraphvizChoice.Auto"/>: the native <c>dot</c> when it is
    /// installed, else Graphviz in-process (<see cref="InProcess"/>) for the formats it draws.
    /// </summary>
    public GraphvizChoice Renderer { get; init => field = OptionGuard.Defined(value, GraphvizChoice.InProcess, nameof(Renderer)); }

    /// <summary>
    /// The native <c>dot</c> executable. Default <see langword="null"/>: the <see cref="DotPathVariable"/>
    /// environment variable, then <c>PATH</c>. Setting it makes <see cref="GraphvizChoice.Auto"/> use the
    /// native Graphviz (a wrong path is an error, not a silent fallback).
    /// </summary>
    public string? DotPath { get; init; }

    /// <summary>
    /// The in-process Graphviz. Default <see langword="null"/>: <c>MicroGrad.Viz.Wasm</c>'s shared
    /// instance when the application carries that package, else none.
    /// </summary>
    public IGraphvizBackend? InProcess { get; init; }

    /// <summary>The layout engine (Graphviz's <c>-K</c>). Default <see cref="LayoutEngine.Dot"/>.</summary>
    public LayoutEngine Engine { get; init => field = OptionGuard.Defined(value, LayoutEngine.Osage, nameof(Engine)); }

    /// <summary>
    /// How long a layout may run before it is stopped (a native <c>dot</c> is killed with its child
    /// processes; an in-process one is interrupted) and <see cref="RenderTimeoutException"/> is thrown.
    /// Default 60 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan Timeout
    {
        get;
        init
        {
            if (value != System.Threading.Timeout.InfiniteTimeSpan && (value < TimeSpan.FromMilliseconds(1) || value.TotalMilliseconds > int.MaxValue))
            {
                throw OptionGuard.Outside(nameof(Timeout), value, "must be between 1 ms and about 24 days (or infinite)");
            }

            field = value;
        }
    } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most nodes a drawing may have before <see cref="GraphRenderer"/> refuses to start a layout
    /// and throws <see cref="GraphTooLargeException"/>: larger drawings take minutes and are
    /// unreadable anyway. Default 2000; <see cref="int.MaxValue"/> to lift it.
    /// </summary>
    public int MaxNodes
    {
        get;
        init => field = OptionGuard.AtLeast(value, 1, nameof(MaxNodes));
    } = 2000;

    /// <summary>
    /// Treat Graphviz's warnings as failures (<see cref="GraphvizFailedException"/>). Default
    /// <see langword="false"/>: warnings are returned in <see cref="RenderResult.Warnings"/>.
    /// </summary>
    public bool WarningsAsErrors { get; init; }
}
