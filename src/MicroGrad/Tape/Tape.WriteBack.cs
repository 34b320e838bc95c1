namespace MicroGrad;

// Writing back: the last replay's numbers into the recorded values, for drawing.
public sealed partial class Tape
{
    /// <summary>
    /// Writes the numbers of the last replay into every computed value of the recorded graph: data (and
    /// the local derivatives) as of the last <see cref="Forward"/>, gradients as of the last
    /// <see cref="Backward"/> after it (0 if there was none), including the values inside fused sums. The
    /// graph then reads as if it had been built and back-propagated eagerly, ready to draw or inspect;
    /// leaves keep their own numbers. Not needed for training.
    /// </summary>
    public void WriteBack()
    {
        var data = _data;
        var grad = _grad;
        for (int i = 0; i < _code.Length; i++)
        {
            ref readonly var op = ref _code[i];
            var output = _written[i];
            bool reached = _backwardDone && i < _backwardCount;
            if (op.Code is not (Code.Sum or Code.SumRelu or Code.SumTanh))
            {
                var (left, right) = Operation.Derivatives(op.Kind, data[op.A], data[op.B], data[op.Out], op.Constant);
                output.SetReplayed(data[op.Out], left, right);
                output.Grad = reached ? grad[op.Out] : 0.0;
                continue;
            }

            double top = reached ? grad[op.Out] : 0.0;
            if (op.Code != Code.Sum)
            {
                // The instruction wrote the fused ReLU or tanh; the sum under it has no slot.
                double a = data[op.Out];
                double derivative = op.Code == Code.SumTanh ? Operation.TanhSlope(a) : Operation.ReluSlope(a);
                output.SetReplayed(a, derivative, 0.0);
                output.Grad = top;
                top = 0.0 + (derivative * top);
            }

            double inner = 0.0 + top;
            var sums = _sums[i];
            double acc = 0;
            for (int t = op.A; t < op.A + op.B; t++)
            {
                var term = _terms[t];
                double value = data[term.Left] * data[term.Right];
                if (_products[t] is { } product)
                {
                    product.SetReplayed(value, data[term.Right], data[term.Left]);
                    product.Grad = inner;
                }

                acc = t == op.A ? value : acc + value;
                if (t > op.A)
                {
                    var sum = sums[t - op.A - 1];
                    sum.SetReplayed(acc, 1.0, 1.0);
                    sum.Grad = t == op.A + op.B - 1 ? top : inner;
                }
            }
        }
    }
}
