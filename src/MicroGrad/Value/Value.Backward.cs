namespace MicroGrad;

// Back-propagation: the chain rule over the topological order.
public sealed partial class Value
{
    /// <summary>
    /// Back-propagates from this value: sets its <see cref="Grad"/> to 1, then adds
    /// (<c>+=</c>) the gradient of this value into every value it depends on, in reverse
    /// topological order. A value used by several operations, or twice by one, receives the sum.
    /// </summary>
    /// <remarks>
    /// Gradients accumulate across calls, as in micrograd: calling this again without
    /// <see cref="ZeroGradients"/> in between sets this value's gradient to 1 again, but every
    /// value below it adds a second contribution on top of the gradient it already holds, and
    /// intermediate values pass their accumulated gradients on, so leaves end up with more than
    /// twice their gradient. Call <see cref="ZeroGradients"/> (or <c>Module.ZeroGrad</c> for
    /// parameters, when the graph is rebuilt) before each backward pass. The traversal is
    /// iterative, so graphs millions of operations deep work without a stack overflow.
    /// </remarks>
    public void Backward()
    {
        RentOrder();
        int count = FillTopologicalOrder();
        var order = t_order!;
        Grad = 1.0;
        for (int i = count - 1; i >= 0; i--)
        {
            var value = order[i];
            if (value._left is { } left)
            {
                left.Grad += value._leftDerivative * value.Grad;
                if (value._right is { } right)
                {
                    right.Grad += value._rightDerivative * value.Grad;
                }
            }
        }

        ReturnOrder(count);
    }

    /// <summary>
    /// The local derivative ∂this/∂input of the input at <paramref name="index"/>, recorded when this
    /// operation was created: what <see cref="Backward"/> multiplies this value's gradient by before
    /// adding it to that input's gradient (the chain rule). For <c>a * b</c> it is <c>b.Data</c> for
    /// input 0 and <c>a.Data</c> for input 1; for <c>tanh(n)</c> it is <c>1 − tanh(n)²</c>.
    /// </summary>
    /// <param name="index">The input's position in <see cref="Inputs"/>.</param>
    /// <returns>The derivative, as recorded; later changes to <see cref="Data"/> do not change it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <c>Inputs.Count</c>.</exception>
    public double LocalDerivative(int index) => index switch
    {
        0 when _left is not null => _leftDerivative,
        1 when _right is not null => _rightDerivative,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"This value has {Inputs.Count} input(s)."),
    };

    /// <summary>Sets the data and local derivatives as if this operation had been computed again (a tape's replay).</summary>
    internal void SetReplayed(double data, double leftDerivative, double rightDerivative)
    {
        Data = data;
        _leftDerivative = leftDerivative;
        _rightDerivative = rightDerivative;
    }

    /// <summary>
    /// The additions <see cref="Backward"/> would make from this value, in its order, with their numbers,
    /// as if every gradient below this value started at 0: one step per input of each operation, so a
    /// value used twice (<c>a * a</c>) receives two steps. Nothing is changed; the last step leaves each
    /// value with the gradient <see cref="Backward"/> gives it after <see cref="ZeroGradients"/>.
    /// </summary>
    /// <returns>The steps, first to last.</returns>
    public IReadOnlyList<BackwardStep> BackwardSteps()
    {
        var order = TopologicalOrder();
        var grads = new Dictionary<Value, double>(order.Count, ReferenceEqualityComparer.Instance);
        foreach (var value in order)
        {
            grads[value] = 0.0;
        }

        grads[this] = 1.0;
        var steps = new List<BackwardStep>();
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var value = order[i];
            for (int k = 0; k < value.Inputs.Count; k++)
            {
                var input = value.Inputs[k];
                double local = value.LocalDerivative(k);
                double before = grads[input];

                // The same arithmetic as Backward, in the same order, so the numbers agree to the bit.
                double contribution = local * grads[value];
                grads[input] = before + contribution;
                steps.Add(new BackwardStep(value, k, grads[value], local, contribution, before, grads[input]));
            }
        }

        return steps;
    }

    /// <summary>Sets <see cref="Grad"/> to 0 on this value and on every value it depends on.</summary>
    public void ZeroGradients()
    {
        RentOrder();
        int count = FillTopologicalOrder();
        var order = t_order!;
        for (int i = 0; i < count; i++)
        {
            order[i].Grad = 0.0;
        }

        ReturnOrder(count);
    }
}
