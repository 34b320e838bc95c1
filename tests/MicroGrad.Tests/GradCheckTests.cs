namespace MicroGrad.Tests;

public class GradCheckTests
{
    [Fact]
    public void The_seed_expression_checks_out()
    {
        var result = GradCheck.Run(
            x =>
            {
                x[0].Label = "a";
                return ((x[0] * x[1]) + x[2]) * x[3];
            },
            [2.0, -3.0, 10.0, -2.0]);

        Assert.Equal(-8.0, result.Output);
        Assert.Equal(4, result.Entries.Count);
        Assert.Equal("a", result.Entries[0].Label);
        Assert.Equal("x1", result.Entries[1].Label);
        Assert.Equal([6.0, -4.0, -2.0, 4.0], result.Entries.Select(e => e.Analytic));
        Assert.All(result.Entries, e => Assert.Equal(e.Analytic, e.Numeric, 1e-6));
        Assert.True(result.IsWithin(1e-6));
    }

    [Fact]
    public void A_wrong_analytic_gradient_is_caught()
    {
        // x + (x − c), where the build reads c from x itself: numerically f(x) = x (slope 1), but
        // the graph sees two uses of x (slope 2). A check that cannot fail would miss this.
        var result = GradCheck.Run(x => x[0] + (x[0] - x[0].Data), [1.5]);

        Assert.Equal(2.0, result.Entries[0].Analytic);
        Assert.Equal(1.0, result.Entries[0].Numeric, 1e-6);
        Assert.Equal(0.5, result.MaxError, 1e-6);
        Assert.False(result.IsWithin(0.1));
    }

    [Fact]
    public void The_step_is_used_as_given()
    {
        // For x³ the central difference is 3x² + h² exactly, so the step shows in the numeric value.
        var result = GradCheck.Run(x => x[0].Pow(3), [1.0], step: 0.1);

        Assert.Equal(3.0, result.Entries[0].Analytic);
        Assert.Equal(3.01, result.Entries[0].Numeric, 1e-9);
    }

    [Fact]
    public void NaN_gradients_fail_the_check()
    {
        var result = GradCheck.Run(x => x[0].Log(), [-1.0]);

        Assert.True(double.IsNaN(result.MaxError));
        Assert.False(result.IsWithin(double.MaxValue));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_steps_are_rejected(double step)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GradCheck.Run(x => x[0], [1.0], step));
    }

    [Fact]
    public void Bad_points_and_builders_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => GradCheck.Run(x => x[0], []));
        Assert.Throws<ArgumentException>(() => GradCheck.Run(x => x[0], [double.NaN]));
        Assert.Throws<ArgumentNullException>(() => GradCheck.Run(null!, [1.0]));
        Assert.Throws<InvalidOperationException>(() => GradCheck.Run(_ => null!, [1.0]));
    }
}
