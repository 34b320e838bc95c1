namespace MicroGrad;

// Replaying: Forward and Backward over the instruction arrays, allocating nothing.
public sealed partial class Tape
{
    /// <summary>
    /// Recomputes every value from the leaves' current <see cref="Value.Data"/>, as building the graph
    /// again would, and sets each output's <see cref="Value.Data"/>. Allocates nothing.
    /// </summary>
    public void Forward()
    {
        var data = _data;
        var leaves = _leaves;
        for (int i = 0; i < leaves.Length; i++)
        {
            data[i + 1] = leaves[i].Data;
        }

        data[One] = 1.0;
        var terms = _terms;
        foreach (ref readonly var op in _code.AsSpan())
        {
            double result;
            if (op.Code <= Code.SumTanh)
            {
                // The engine's left-to-right additions, each product rounded before it is added (no fused multiply-add).
                int end = op.A + op.B;
                ref readonly var first = ref terms[op.A];
                double acc = data[first.Left] * data[first.Right];
                for (int t = op.A + 1; t < end; t++)
                {
                    ref readonly var term = ref terms[t];
                    acc += data[term.Left] * data[term.Right];
                }

                result = op.Code == Code.Sum ? acc
                    : op.Code == Code.SumTanh ? Math.Tanh(acc)
                    : double.IsNaN(acc) ? acc : acc > 0 ? acc : 0.0;
            }
            else
            {
                result = Operation.Forward(op.Kind, data[op.A], data[op.B], op.Constant);
            }

            data[op.Out] = result;
        }

        for (int i = 0; i < _outputs.Length; i++)
        {
            _outputs[i].Data = data[_outputSlots[i]];
        }

        _backwardDone = false;
    }

    /// <summary>
    /// Back-propagates from the first output with the numbers of the last <see cref="Forward"/> (or of
    /// the recording): its gradient is 1, every computed value's and constant's starts at 0, and every
    /// other leaf's gradient is added to, as <see cref="Value.Backward"/> does on a newly built graph.
    /// Zero the parameters' gradients first, as in an eager training loop; an input leaf's gradient adds
    /// up over replays unless it is zeroed too. Allocates nothing.
    /// </summary>
    public void Backward()
    {
        var data = _data;
        var grad = _grad;
        var leaves = _leaves;
        for (int i = 1; i < _firstConstant; i++)
        {
            grad[i] = leaves[i - 1].Grad;
        }

        // Constants (the 2 of x * 2) start at 0 as in a newly built graph, where they are new values;
        // the other leaves add to the gradient they hold, as Backward does.
        Array.Clear(grad, _firstConstant, grad.Length - _firstConstant);
        grad[_outputSlots[0]] = 1.0;
        var code = _code;
        var terms = _terms;
        for (int i = _backwardCount - 1; i >= 0; i--)
        {
            ref readonly var op = ref code[i];
            double g = grad[op.Out];
            switch (op.Code)
            {
                case Code.Sum:
                    SumBackward(data, grad, terms, op.A, op.B, g);
                    break;
                case Code.SumRelu:
                    double r = data[op.Out];
                    SumBackward(data, grad, terms, op.A, op.B, 0.0 + (Operation.ReluSlope(r) * g));
                    break;
                case Code.SumTanh:
                    double t = data[op.Out];
                    SumBackward(data, grad, terms, op.A, op.B, 0.0 + (Operation.TanhSlope(t) * g));
                    break;
                default:
                    var (left, right) = Operation.Derivatives(op.Kind, data[op.A], data[op.B], data[op.Out], op.Constant);
                    grad[op.A] += left * g;
                    if (op.B != One)
                    {
                        grad[op.B] += right * g; // a second input: one-input instructions read the slot of 1.0 as theirs
                    }

                    break;
            }
        }

        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i].Grad = grad[i + 1];
        }

        _outputs[0].Grad = 1.0;
        _backwardDone = true;
    }

    /// <summary>
    /// A running sum's backward, in <see cref="Value.Backward"/>'s order: its last term, the terms before
    /// it from last to second, then the sum's first addition (its start, then its first term), then the
    /// first term's and the start's own products. <paramref name="top"/> is the gradient of the sum's
    /// result; the partial sums and products inside carry <c>0.0 + top</c>, as the engine's do.
    /// </summary>
    private static void SumBackward(double[] data, double[] grad, Term[] terms, int start, int count, double top)
    {
        double inner = 0.0 + top;
        int last = start + count - 1;
        double first = top; // the gradient of the first partial sum
        if (count > 2)
        {
            ref readonly var term = ref terms[last];
            if (term.Right == One)
            {
                grad[term.Left] += top;
            }
            else
            {
                grad[term.Left] += data[term.Right] * inner;
                grad[term.Right] += data[term.Left] * inner;
            }

            for (int t = last - 1; t > start + 1; t--)
            {
                // A plain term t is t·1: its gradient gains 1·inner (exact); the 1's own gradient is never read.
                ref readonly var middle = ref terms[t];
                grad[middle.Left] += data[middle.Right] * inner;
                grad[middle.Right] += data[middle.Left] * inner;
            }

            first = inner;
        }

        ref readonly var head = ref terms[start];
        ref readonly var second = ref terms[start + 1];
        if (head.Right == One)
        {
            grad[head.Left] += first;
        }

        if (second.Right == One)
        {
            grad[second.Left] += first;
        }
        else
        {
            double g = 0.0 + first;
            grad[second.Left] += data[second.Right] * g;
            grad[second.Right] += data[second.Left] * g;
        }

        if (head.Right != One)
        {
            double g = 0.0 + first;
            grad[head.Left] += data[head.Right] * g;
            grad[head.Right] += data[head.Left] * g;
        }
    }
}
