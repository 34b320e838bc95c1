using System.Globalization;
using System.Text;

namespace MicroGrad;

// The tape as a program listing.
public sealed partial class Tape
{
    /// <summary>
    /// The tape as a program, one instruction per line, slots named <c>%n</c> (labels in comments): what
    /// "compiling" the graph made of it. Leaves first, e.g. <c>%3 = leaf 0.5  ; x0</c>, then
    /// <c>%9 = ReLU(%4 + %1*%2 + %5*%3)</c>.
    /// </summary>
    /// <returns>The listing, with <c>\n</c> line endings.</returns>
    public string ToListing()
    {
        var text = new StringBuilder();
        static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        string Slot(int slot) => "%" + slot.ToString(CultureInfo.InvariantCulture);
        void Line(string line, string? label) => text.Append(line).Append(label is null ? string.Empty : "  ; " + label).Append('\n');
        for (int i = 0; i < _leaves.Length; i++)
        {
            var leaf = _leaves[i];
            Line(Slot(i + 1) + " = " + (leaf.IsConstant ? "constant " : "leaf ") + Number(_data[i + 1]), leaf.Label);
        }

        for (int i = 0; i < _code.Length; i++)
        {
            ref readonly var op = ref _code[i];
            string a = Slot(op.A), b = Slot(op.B);
            var operation = _written[i].Operation!;
            string expression = op.Code != Code.Apply ? SumText(op)
                : operation == Operation.Negate ? "-" + a
                : operation.Exponent is { } exponent ? a + " " + Operation.Power.Name + " " + Number(exponent)
                : operation.Arity == 2 ? a + " " + operation.Name + " " + b
                : operation.Name + "(" + a + ")";
            Line(Slot(op.Out) + " = " + expression, _written[i].Label);
        }

        return text.ToString();

        string SumText(in Instruction op)
        {
            var sum = new StringBuilder();
            for (int t = op.A; t < op.A + op.B; t++)
            {
                var term = _terms[t];
                sum.Append(t == op.A ? string.Empty : " + ").Append(Slot(term.Left));
                if (term.Right != One)
                {
                    sum.Append('*').Append(Slot(term.Right));
                }
            }

            return op.Code switch
            {
                Code.SumRelu => Operation.Relu.Name + "(" + sum + ")",
                Code.SumTanh => Operation.Tanh.Name + "(" + sum + ")",
                _ => sum.ToString(),
            };
        }
    }
}
