using CsCheck;
using MicroGrad.TestSupport;

namespace MicroGrad.Tests;

/// <summary>The property-test helper: reproducible cases, and a failure that says how to reproduce it.</summary>
public class PropertyHelperTests
{
    [Fact]
    public void A_failing_property_names_its_seed_case_and_value()
    {
        ulong seed = Property.Seeds()[0]; // 20261129, unless MGVIZ_TEST_SEED chooses another
        var error = Assert.Throws<PropertyFailedException>(() => Property.Check(Gen.Int[0, 1000], x => x < 900, iter: 1000));

        Assert.StartsWith($"seed {seed}, case ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(rerun with MGVIZ_TEST_SEED={seed}): ", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"\): 9\d\d\n", error.Message); // the failing value, 900 or more
    }

    [Fact]
    public void The_fixed_seed_draws_the_same_cases_every_run()
    {
        var first = new List<int>();
        var second = new List<int>();

        Property.Check(Gen.Int[0, 1_000_000], first.Add, iter: 50);
        Property.Check(Gen.Int[0, 1_000_000], second.Add, iter: 50);

        Assert.Equal(first.Take(50), second.Take(50)); // the fixed seed's cases; a rotating seed may follow off CI
        Assert.Equal(Property.One(Gen.Int[0, 1_000_000]), Property.One(Gen.Int[0, 1_000_000]));
        Assert.True(first.Take(50).Distinct().Count() > 40, "the cases vary");
    }
}
