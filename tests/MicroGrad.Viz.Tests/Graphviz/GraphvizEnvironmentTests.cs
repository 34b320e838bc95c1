using MicroGrad.TestSupport;
using MicroGrad.Viz.Graphviz;

namespace MicroGrad.Viz.Tests.Graphviz;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>Tests that change process-wide environment variables, so they run alone.</summary>
[Collection(nameof(ProcessEnvironment))]
public class GraphvizEnvironmentTests
{
    [Fact]
    public void The_environment_variable_is_used_when_no_path_is_given()
    {
        using var fake = FakeDot.Create("echo ok");
        using var _ = new EnvironmentScope(RenderOptions.DotPathVariable, fake.Path);

        Assert.Equal(fake.Path, new NativeGraphviz().FindDot());
    }

    [Fact]
    public void The_explicit_path_wins_over_the_environment_variable()
    {
        using var fake = FakeDot.Create("echo ok");
        using var _ = new EnvironmentScope(RenderOptions.DotPathVariable, "/nonexistent/dot");

        Assert.Equal(fake.Path, new NativeGraphviz(fake.Path).FindDot());
    }

    [Fact]
    public void A_wrong_environment_variable_is_named_in_the_error()
    {
        using var _ = new EnvironmentScope(RenderOptions.DotPathVariable, "/nonexistent/dot");

        var error = Assert.Throws<GraphvizNotFoundException>(() => new NativeGraphviz().FindDot());

        Assert.Contains("MGVIZ_DOT='/nonexistent/dot'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_is_searched_last_and_its_absence_is_reported()
    {
        using var fake = FakeDot.Create("echo ok");
        using var variable = new EnvironmentScope(RenderOptions.DotPathVariable, null);
        using (new EnvironmentScope("PATH", "/nonexistent/bin" + Path.PathSeparator + fake.Folder))
        {
            Assert.Equal(fake.Path, new NativeGraphviz().FindDot());
        }

        using (new EnvironmentScope("PATH", "/nonexistent/bin"))
        {
            var error = Assert.Throws<GraphvizNotFoundException>(() => new NativeGraphviz().FindDot());
            Assert.Contains("PATH (/nonexistent/bin)", error.Message, StringComparison.Ordinal);
        }
    }

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly string _name;
        private readonly string? _saved;

        public EnvironmentScope(string name, string? value)
        {
            _name = name;
            _saved = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _saved);
    }
}
