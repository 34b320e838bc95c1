namespace MicroGrad;

/// <summary>
/// One run of a module (<c>Mlp</c>, <c>Layer</c>, <c>Neuron</c> call): values created while it is the
/// current scope carry it in <see cref="Value.Scope"/>, so drawings can group or collapse what a
/// module computed. Scopes nest (<c>layer1.neuron3</c>); each call makes new scopes, so the values
/// of two forward passes are never mixed up.
/// </summary>
public sealed class ModuleScope
{
    [ThreadStatic]
    private static ModuleScope? t_current;

    private ModuleScope(string name, ModuleScope? parent)
    {
        Name = name;
        Parent = parent;
        Depth = parent is null ? 1 : parent.Depth + 1;
        Path = parent is null ? name : parent.Path + "." + name;
    }

    /// <summary>The scope values are being created in on this thread, or <see langword="null"/>.</summary>
    public static ModuleScope? Current => t_current;

    /// <summary>This scope's own name, e.g. <c>neuron3</c>.</summary>
    public string Name { get; }

    /// <summary>The enclosing scope, or <see langword="null"/> at the top.</summary>
    public ModuleScope? Parent { get; }

    /// <summary>The dotted path from the top, e.g. <c>layer1.neuron3</c>.</summary>
    public string Path { get; }

    /// <summary>1 for a top-level scope, 2 for a scope inside it, and so on.</summary>
    public int Depth { get; }

    /// <summary>
    /// Makes a new scope inside the current one current until the returned handle is disposed.
    /// </summary>
    /// <param name="name">The scope's name: non-empty, without dots.</param>
    /// <returns>A handle that restores the previous scope when disposed.</returns>
    public static Handle Enter(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("A scope name cannot contain '.', which separates path parts.", nameof(name));
        }

        var previous = t_current;
        t_current = new ModuleScope(name, previous);
        return new Handle(previous);
    }

    /// <summary>This scope's ancestor at <paramref name="depth"/> (itself when its depth is <paramref name="depth"/>), or <see langword="null"/> when it is shallower.</summary>
    /// <param name="depth">1 for the top level.</param>
    /// <returns>The ancestor scope.</returns>
    public ModuleScope? AtDepth(int depth)
    {
        var scope = this;
        while (scope is not null && scope.Depth > depth)
        {
            scope = scope.Parent;
        }

        return scope is not null && scope.Depth == depth ? scope : null;
    }

    /// <summary>The path.</summary>
    /// <returns>The dotted path.</returns>
    public override string ToString() => Path;

    /// <summary>Restores the previous scope when disposed; returned by <see cref="Enter"/>.</summary>
    public readonly struct Handle : IDisposable, IEquatable<Handle>
    {
        private readonly ModuleScope? _previous;

        internal Handle(ModuleScope? previous) => _previous = previous;

        /// <summary>Compares handles.</summary>
        public static bool operator ==(Handle left, Handle right) => left.Equals(right);

        /// <summary>Compares handles.</summary>
        public static bool operator !=(Handle left, Handle right) => !left.Equals(right);

        /// <summary>Makes the previous scope current again.</summary>
        public void Dispose() => t_current = _previous;

        /// <inheritdoc/>
        public bool Equals(Handle other) => ReferenceEquals(_previous, other._previous);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Handle other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => _previous?.GetHashCode() ?? 0;
    }
}
