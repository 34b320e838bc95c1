namespace MicroGrad.TestSupport;

/// <summary>The graphs of the seed notebook and the lecture, with the numbers the lecture shows.</summary>
internal static class SampleGraphs
{
    /// <summary><c>L = (a*b + c) * f</c> with a=2, b=-3, c=10, f=-2, labelled as in the seed.</summary>
    public static Value Seed(bool backward)
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
        if (backward)
        {
            l.Backward();
        }

        return l;
    }

    /// <summary>The lecture's neuron, <c>o = tanh(x1*w1 + x2*w2 + b)</c>, after backward.</summary>
    public static Value Neuron()
    {
        var x1 = new Value(2.0, "x1");
        var x2 = new Value(0.0, "x2");
        var w1 = new Value(-3.0, "w1");
        var w2 = new Value(1.0, "w2");
        var b = new Value(6.8813735870195432, "b");
        var x1w1 = x1 * w1;
        x1w1.Label = "x1*w1";
        var x2w2 = x2 * w2;
        x2w2.Label = "x2*w2";
        var x1w1x2w2 = x1w1 + x2w2;
        x1w1x2w2.Label = "x1*w1 + x2*w2";
        var n = x1w1x2w2 + b;
        n.Label = "n";
        var o = n.Tanh();
        o.Label = "o";
        o.Backward();
        return o;
    }

    /// <summary>
    /// The lecture's neuron with tanh written out, <c>e = exp(2n)</c>, <c>o = (e - 1) / (e + 1)</c>:
    /// e 5.8284, e - 1 4.8284, e + 1 6.8284, o 0.7071, after backward.
    /// </summary>
    public static Value NeuronWithExp()
    {
        var x1 = new Value(2.0, "x1");
        var x2 = new Value(0.0, "x2");
        var w1 = new Value(-3.0, "w1");
        var w2 = new Value(1.0, "w2");
        var b = new Value(6.8813735870195432, "b");
        var n = (x1 * w1) + (x2 * w2) + b;
        n.Label = "n";
        var e = (2 * n).Exp();
        e.Label = "e";
        var o = (e - 1) / (e + 1);
        o.Label = "o";
        o.Backward();
        return o;
    }

    /// <summary>
    /// <c>L = a0*b0 + a1*b1 + … + a299*b299</c> with a_i = i and b_i = 1, after backward: L = 0 + 1 + … + 299
    /// = 44,850; dL/da_i = b_i = 1 and dL/db_i = a_i = i.
    /// </summary>
    public static Value WideSum(int terms = 300)
    {
        var products = Enumerable.Range(0, terms).Select(i => new Value(i, "a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) * new Value(1, "b" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var sum = products.Aggregate((x, y) => x + y);
        sum.Label = "L";
        sum.Backward();
        return sum;
    }

    /// <summary><c>b = a * a</c>: one value used twice by one operation.</summary>
    public static Value Square()
    {
        var a = new Value(3.0, "a");
        var b = a * a;
        b.Label = "b";
        b.Backward();
        return b;
    }

    /// <summary><c>y = 2 * x + 1</c> then <c>y ** 2</c>: constants on both sides and a constant power.</summary>
    public static Value WithConstants()
    {
        var x = new Value(1.5, "x");
        var y = (2.0 * x) + 1.0;
        y.Label = "y";
        var z = y.Pow(2) / 4.0;
        z.Label = "z";
        z.Backward();
        return z;
    }

    /// <summary>Mlp(2, 3, 1) (default seed) on one point with a squared-error loss, after backward.</summary>
    public static Value SmallMlp()
    {
        var mlp = new MicroGrad.Nn.Mlp(2, 3, 1);
        var score = mlp.Forward([new Value(0.5, "x0"), new Value(-1.0, "x1")])[0];
        var loss = (score - 1).Pow(2);
        loss.Label = "loss";
        loss.Backward();
        return loss;
    }
}
