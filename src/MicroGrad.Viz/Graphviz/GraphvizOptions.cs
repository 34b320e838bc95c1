namespace MicroGrad.Viz.Graphviz;

/// <summary>How <see cref="GraphvizRunner"/> finds and runs Graphviz. Every property has a documented default.</summary>
public sealed record GraphvizOptions
{
    /// <summary>The environment variable consulted for the path of <c>dot</c> when <see cref="DotPath"/> is not set: <c>MGVIZ_DOT</c>.</summary>
    public const string DotPathVariable = "MGVIZ_DOT";

    /// <summary>The defaults.</summary>
    public static GraphvizOptions Default { get; } = new();

    /// <summary>
    /// The <c>dot</c> executable to run. Default <see langword="null"/>: use the
    /// <see cref="DotPathVariable"/> environment variable, then search <c>PATH</c>.
    /// </summary>
    public string? DotPath { get; init; }

    /// <summary>The layout engine (<c>-K</c>). Default <see cref="LayoutEngine.Dot"/>.</summary>
    public LayoutEngine Engine { get; init; } = LayoutEngine.Dot;

    /// <summary>
    /// How long a layout may run before it is stopped (a native <c>dot</c> is killed with its child
    /// processes; an in-process one is interrupted) and <see cref="GraphvizTimeoutException"/> is thrown. Default 60 seconds;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan Timeout
    {
        get;
        init
        {
            if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The timeout must be positive (or infinite).");
            }

            field = value;
        }
    } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Which Graphviz <see cref="GraphRenderer"/> and the <see cref="ValueDrawingExtensions"/> use.
    /// Default <see cref="Viz.Renderer.Auto"/>: the native <c>dot</c> when it is installed, else
    /// Graphviz in-process (<see cref="InProcess"/>). <see cref="GraphvizRunner"/> itself always runs the native one.
    /// </summary>
    public Renderer Renderer
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown renderer.");
            }

            field = value;
        }
    }

    /// <summary>
    /// The in-process Graphviz to use. Default <see langword="null"/>: <c>MicroGrad.Viz.Wasm</c>'s
    /// shared instance when that package is part of the application, else none (and
    /// <see cref="Viz.Renderer.InProcess"/> reports it missing).
    /// </summary>
    public IInProcessGraphviz? InProcess { get; init; }

    /// <summary>
    /// The most nodes a graph may have before <see cref="GraphRenderer"/> and <see cref="GraphvizRunner"/> refuse to start Graphviz
    /// and throws <see cref="GraphTooLargeException"/>, because larger drawings can take Graphviz
    /// minutes and are unreadable anyway. Default 2000; <see cref="int.MaxValue"/> to lift it.
    /// Applies to <see cref="Dot.DotGraph"/> input, whose size is known before running, with either Graphviz.
    /// </summary>
    public int MaxNodes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 2000;

    /// <summary>
    /// Treat warnings (text on standard error with exit code 0) as failures and throw
    /// <see cref="GraphvizFailedException"/>. Default <see langword="false"/>: warnings are returned
    /// in <see cref="GraphvizResult.Warnings"/>.
    /// </summary>
    public bool WarningsAsErrors { get; init; }
}
