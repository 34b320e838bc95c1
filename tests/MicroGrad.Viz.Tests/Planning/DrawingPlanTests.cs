using MicroGrad.TestSupport;
using MicroGrad.Viz.Planning;

namespace MicroGrad.Viz.Tests.Planning;

/// <summary>What the plan decides for each value, worked out by hand for small graphs.</summary>
public sealed class DrawingPlanTests
{
    private static (DrawingPlan Plan, Func<string, int> At) Plan(Value root, DrawingOptions options)
    {
        var plan = DrawingPlan.Create(root, options);
        return (plan, label => plan.IndexOf(plan.Order.First(v => v.Label == label)));
    }

    [Fact]
    public void Without_views_every_value_of_the_seed_is_drawn_by_a_node_of_its_own()
    {
        var (plan, _) = Plan(SampleGraphs.Seed(backward: false), new DrawingOptions());

        Assert.Equal(7, plan.Order.Count);
        Assert.All(Enumerable.Range(0, 7), i => Assert.True(plan.IsDrawn(i), $"value {i} is not drawn"));
        Assert.Equal(7 + 3, plan.CountNodes()); // seven values and the operators of e, d and L
    }

    [Fact]
    public void A_folded_constant_is_drawn_inside_its_operator_and_has_no_node()
    {
        var x = new Value(3.0, "x");
        var y = 2 * x;
        y.Label = "y";

        var (plan, at) = Plan(y, new DrawingOptions { FoldConstants = true });
        int two = plan.IndexOf(plan.Order.Single(v => v.IsConstant));

        Assert.True(plan.IsFolded(two));
        Assert.False(plan.IsDrawn(two));
        Assert.True(plan.IsDrawn(at("x")));
        Assert.Equal(2 + 1, plan.CountNodes()); // x, y and y's operator
    }

    [Fact]
    public void A_chain_of_sums_is_one_operator_whose_operands_are_all_the_terms()
    {
        var a = new Value(1.0, "a");
        var b = new Value(2.0, "b");
        var c = new Value(3.0, "c");
        var d = new Value(4.0, "d");
        var s = a + b + c + d;
        s.Label = "s";

        var (plan, at) = Plan(s, new DrawingOptions { CollapseChains = true });

        var partials = plan.Order.Where(v => !v.IsLeaf && v.Label is null).Select(plan.IndexOf).ToList();
        Assert.Equal(2, partials.Count); // a + b and (a + b) + c
        Assert.All(partials, i => Assert.True(plan.IsChained(i)));
        Assert.Equal([at("a"), at("b"), at("c"), at("d")], plan.Operands(at("s")));
    }

    [Fact]
    public void A_value_used_twice_is_counted_twice_and_drawn_once()
    {
        var a = new Value(3.0, "a");
        var y = a * a;
        y.Label = "y";

        var (plan, at) = Plan(y, new DrawingOptions());

        Assert.Equal(2, plan.Uses[at("a")]);
        Assert.True(plan.IsDrawn(at("a")));
        Assert.Equal(2, plan.Order.Count);
    }

    [Fact]
    public void Focus_keeps_the_values_within_its_depth_and_stubs_the_rest()
    {
        var (plan, at) = Plan(SampleGraphs.Seed(backward: false), new DrawingOptions { Focus = "d", FocusDepth = 1 });

        // Within one edge of d: e and c (its inputs) and L (its user); a, b and f are one step further.
        Assert.All(new[] { "d", "e", "c", "L" }, label => Assert.True(plan.IsDrawn(at(label)), label));
        Assert.All(new[] { "a", "b", "f" }, label => Assert.True(plan.StubOf(at(label)) >= 0, label));
    }
}
