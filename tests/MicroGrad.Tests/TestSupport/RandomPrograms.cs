using CsCheck;

namespace MicroGrad.Tests.TestSupport;

/// <summary>
/// Random computation graphs for property tests: a program is a list of instructions, each an
/// operation code and three numbers that pick its operands among the values made so far (so values
/// are shared and reused) and, for sums, how many terms to add.
/// </summary>
internal static class RandomPrograms
{
    /// <summary>Codes 0–9: the binary and unary operations. 10–14 add negation, a power by a value and the running sums the tape fuses.</summary>
    public const int AllOperations = 15;

    /// <summary>Programs of 1 to <paramref name="maxLength"/> instructions over the first <paramref name="operations"/> codes.</summary>
    public static Gen<(int Op, int I, int J, int N)[]> Of(int operations, int maxLength) =>
        Gen.Select(Gen.Int[0, operations - 1], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[2, 6]).Array[1, maxLength];

    /// <summary>Runs <paramref name="program"/> on <paramref name="leaves"/>: every value made, leaves first, the last instruction's last.</summary>
    public static List<Value> Run(IEnumerable<Value> leaves, (int Op, int I, int J, int N)[] program)
    {
        var values = new List<Value>(leaves);
        foreach (var (op, i, j, n) in program)
        {
            var (p, q) = (values[i % values.Count], values[j % values.Count]);
            Value Pick(int k) => values[(i + (k * j)) % values.Count];
            values.Add(op switch
            {
                0 => p + q,
                1 => p - q,
                2 => p * q,
                3 => p / ((q * q) + 1),
                4 => p.Tanh(),
                5 => p.Sigmoid(),
                6 => p.Relu(),
                7 => p.Tanh().Exp(),
                8 => ((p * p) + 0.5).Log(),
                9 => p.Pow(2) * 0.5,
                10 => -p,
                11 => ((p * p) + 0.25).Pow(q.Tanh()),
                12 => Enumerable.Range(0, n).Select(k => Pick(k) * Pick(k + 1)).Aggregate(p, (s, t) => s + t),
                13 => Enumerable.Range(0, n).Select(k => Pick(k) * Pick(k + 2)).Aggregate(q * p, (s, t) => s + t).Relu(),
                _ => Enumerable.Range(0, n).Select(Pick).Aggregate((s, t) => s + t).Tanh(),
            });
        }

        return values;
    }
}
