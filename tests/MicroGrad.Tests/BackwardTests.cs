namespace MicroGrad.Tests;

/// <summary>Reference numbers from the seed notebook, the lecture ("The spelled-out intro to neural networks and backpropagation: building micrograd") and micrograd's own tests (test/test_engine.py).</summary>
public class BackwardTests
{
    /// <summary>The seed notebook's <c>L = (a*b + c) * f</c>, labelled as there, before backward.</summary>
    internal static (Value A, Value B, Value C, Value E, Value D, Value F, Value L) SeedGraph()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = new Value(10.0, "c");
        var e = a * b;
        e.Label = "e";
        var d = e + c;
        d.Label = "d";
        var f = new Value(-2.0, "f");
        var l = d * f;
        l.Label = "L";
        return (a, b, c, e, d, f, l);
    }

    [Fact]
    public void Seed_polynomial_matches_the_notebook()
    {
        static Value F(Value x) => (3 * x.Pow(2)) - (4 * x) + 5;

        Assert.Equal(20.0, F(new Value(3.0)).Data);

        var x = new Value(2.0 / 3.0);
        F(x).Backward();
        Assert.Equal(0.0, x.Grad, 12);
    }

    [Fact]
    public void Seed_d_equals_a_times_b_plus_c()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = new Value(10.0, "c");

        var d = (a * b) + c;
        d.Backward();

        Assert.Equal(4.0, d.Data);
        Assert.Equal(-3.0, a.Grad);
        Assert.Equal(2.0, b.Grad);
        Assert.Equal(1.0, c.Grad);
    }

    [Fact]
    public void Seed_expression_has_the_notebooks_value_and_seven_gradients()
    {
        var (a, b, c, e, d, f, l) = SeedGraph();

        l.Backward();

        Assert.Equal(-8.0, l.Data);
        Assert.Equal(1.0, l.Grad);
        Assert.Equal(-2.0, d.Grad);
        Assert.Equal(4.0, f.Grad);
        Assert.Equal(-2.0, e.Grad);
        Assert.Equal(-2.0, c.Grad);
        Assert.Equal(6.0, a.Grad);
        Assert.Equal(-4.0, b.Grad);
    }

    [Fact]
    public void Seed_forward_difference_reproduces_the_notebooks_digits()
    {
        // The seed's "lol" cell: the same arithmetic in IEEE doubles gives the same last digits.
        const double h = 1e-5;
        double l1 = SeedGraph().L.Data;
        var (a, b, c, _, _, f, _) = SeedGraph();
        var l2 = ((new Value(a.Data + h) * b) + c) * f;

        Assert.Equal(6.000000000128124, (l2.Data - l1) / h);
    }

    [Fact]
    public void Seed_nudge_step_moves_L_to_the_notebooks_value()
    {
        var (a, b, c, _, _, f, l) = SeedGraph();
        l.Backward();

        foreach (var leaf in new[] { a, b, c, f })
        {
            leaf.Data += 0.01 * leaf.Grad;
        }

        var recomputed = ((a * b) + c) * f;
        Assert.Equal(-7.286496, recomputed.Data, 12);
    }

    [Fact]
    public void Lecture_neuron_has_the_lectures_output_and_gradients()
    {
        var x1 = new Value(2.0, "x1");
        var x2 = new Value(0.0, "x2");
        var w1 = new Value(-3.0, "w1");
        var w2 = new Value(1.0, "w2");
        var b = new Value(6.8813735870195432, "b");
        var n = (x1 * w1) + (x2 * w2) + b;
        var o = n.Tanh();

        o.Backward();

        Assert.Equal(0.7071067811865476, o.Data, 15);
        Assert.Equal(0.5, n.Grad, 12);
        Assert.Equal(0.5, b.Grad, 12);
        Assert.Equal(-1.5, x1.Grad, 12);
        Assert.Equal(1.0, w1.Grad, 12);
        Assert.Equal(0.5, x2.Grad, 12);
        Assert.Equal(0.0, w2.Grad, 12);
    }

    [Fact]
    public void Lecture_neuron_with_tanh_spelled_out_through_exp_agrees()
    {
        var x1 = new Value(2.0, "x1");
        var x2 = new Value(0.0, "x2");
        var w1 = new Value(-3.0, "w1");
        var w2 = new Value(1.0, "w2");
        var b = new Value(6.8813735870195432, "b");
        var n = (x1 * w1) + (x2 * w2) + b;
        var e = (2 * n).Exp();
        var o = (e - 1) / (e + 1);

        o.Backward();

        Assert.Equal(0.7071067811865476, o.Data, 15);
        Assert.Equal(-1.5, x1.Grad, 12);
        Assert.Equal(1.0, w1.Grad, 12);
        Assert.Equal(0.5, x2.Grad, 12);
        Assert.Equal(0.0, w2.Grad, 12);
    }

    [Fact]
    public void A_value_added_to_itself_gets_gradient_two()
    {
        var a = new Value(3.0, "a");
        var b = a + a;

        b.Backward();

        Assert.Equal(6.0, b.Data);
        Assert.Equal(2.0, a.Grad);
    }

    [Fact]
    public void A_value_reused_by_several_operations_gets_the_sum_of_its_gradients()
    {
        var a = new Value(-2.0, "a");
        var b = new Value(3.0, "b");
        var d = a * b;
        var e = a + b;
        var f = d * e;

        f.Backward();

        // f = (ab)(a + b) = a²b + ab²: ∂f/∂a = 2ab + b² = -3, ∂f/∂b = a² + 2ab = -8.
        Assert.Equal(-3.0, a.Grad);
        Assert.Equal(-8.0, b.Grad);
    }

    [Fact]
    public void Micrograd_sanity_check()
    {
        var x = new Value(-4.0);
        var z = (2 * x) + 2 + x;
        var q = z.Relu() + (z * x);
        var h = (z * z).Relu();
        var y = h + q + (q * x);

        y.Backward();

        Assert.Equal(-20.0, y.Data);
        Assert.Equal(46.0, x.Grad);
    }

    [Fact]
    public void Micrograd_more_ops()
    {
        var a = new Value(-4.0);
        var b = new Value(2.0);
        var c = a + b;
        var d = (a * b) + b.Pow(3);
        c += c + 1;
        c += 1 + c + (-a);
        d += (d * 2) + (b + a).Relu();
        d += (3 * d) + (b - a).Relu();
        var e = c - d;
        var f = e.Pow(2);
        var g = f / 2.0;
        g += 10.0 / f;

        g.Backward();

        Assert.Equal(24.70408163265306, g.Data, 1e-9);
        Assert.Equal(138.83381924198252, a.Grad, 1e-9);
        Assert.Equal(645.5772594752186, b.Grad, 1e-9);
    }

    [Fact]
    public void Backward_twice_resets_the_root_and_accumulates_again_below_it()
    {
        var (a, b, c, e, d, f, l) = SeedGraph();

        l.Backward();
        l.Backward();

        // Second pass: d -2 + -2 = -4; f 4 + 4 = 8; e and c -2 + -4 = -6; a 6 + (-6)(-3) = 24;
        // b -4 + (-6)(2) = -16. Not a doubling: intermediate gradients compound.
        Assert.Equal(1.0, l.Grad);
        Assert.Equal(-4.0, d.Grad);
        Assert.Equal(8.0, f.Grad);
        Assert.Equal(-6.0, e.Grad);
        Assert.Equal(-6.0, c.Grad);
        Assert.Equal(24.0, a.Grad);
        Assert.Equal(-16.0, b.Grad);
    }

    [Fact]
    public void ZeroGradients_clears_the_whole_graph_so_backward_can_run_again()
    {
        var (a, b, c, e, d, f, l) = SeedGraph();
        l.Backward();

        l.ZeroGradients();

        Assert.All(new[] { a, b, c, e, d, f, l }, v => Assert.Equal(0.0, v.Grad));
        l.Backward();
        Assert.Equal(6.0, a.Grad);
        Assert.Equal(-4.0, b.Grad);
    }

    [Fact]
    public void Backward_does_not_touch_values_outside_the_graph()
    {
        var (a, _, _, _, _, _, l) = SeedGraph();
        var unrelated = a * 100;

        l.Backward();

        Assert.Equal(0.0, unrelated.Grad);
    }

    [Fact]
    public void A_million_deep_chain_backpropagates_without_recursion()
    {
        // y = x + x + … (1,000,000 additions): a chain as deep as the number of operations.
        const int depth = 1_000_000;
        var x = new Value(0.5, "x");
        var y = x;
        for (int i = 0; i < depth; i++)
        {
            y += x;
        }

        y.Backward();

        Assert.Equal(0.5 * (depth + 1), y.Data);
        Assert.Equal(depth + 1, x.Grad);
    }

    [Fact]
    public void A_million_deep_chain_of_products_gets_the_product_rule_right()
    {
        // y = x·k·k·…·k: dy/dx is k^n, computed here by plain repeated multiplication.
        const int depth = 1_000_000;
        const double k = 1.0000001;
        var x = new Value(2.0, "x");
        var y = x;
        double expected = 1.0;
        for (int i = 0; i < depth; i++)
        {
            y *= k;
            expected *= k;
        }

        y.Backward();

        Assert.Equal(expected, x.Grad, 1e-12);
        Assert.Equal(2.0 * expected, y.Data, 1e-12);
    }
}
