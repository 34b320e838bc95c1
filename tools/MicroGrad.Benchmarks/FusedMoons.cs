namespace MicroGrad.Benchmarks;

/// <summary>
/// The same training step written by hand over arrays, with no graph: the practical floor. It does
/// the engine's arithmetic in the engine's order, so its loss matches to the last digit.
/// </summary>
public sealed class FusedMoons
{
    private const int H = 16;
    private readonly double[][] _points;
    private readonly double[] _labels;

    // Parameters and gradients in micrograd's order: per neuron, weights then bias.
    private readonly double[] _w1 = new double[H * 2], _b1 = new double[H], _w2 = new double[H * H], _b2 = new double[H], _w3 = new double[H];
    private readonly double[] _g1 = new double[H * 2], _gb1 = new double[H], _g2 = new double[H * H], _gb2 = new double[H], _g3 = new double[H];
    private double _b3, _gb3;
    private readonly double[] _h1 = new double[H], _h2 = new double[H], _z1 = new double[H], _z2 = new double[H], _d1 = new double[H], _d2 = new double[H];

    public FusedMoons(MoonsWorkload data)
    {
        _points = data.Points;
        _labels = data.Labels;
        var p = data.InitialWeights;
        int k = 0;
        for (int n = 0; n < H; n++)
        {
            _w1[(n * 2) + 0] = p[k++];
            _w1[(n * 2) + 1] = p[k++];
            _b1[n] = p[k++];
        }

        for (int n = 0; n < H; n++)
        {
            for (int j = 0; j < H; j++)
            {
                _w2[(n * H) + j] = p[k++];
            }

            _b2[n] = p[k++];
        }

        for (int j = 0; j < H; j++)
        {
            _w3[j] = p[k++];
        }

        _b3 = p[k];
    }

    public double Step(int step)
    {
        Array.Clear(_g1);
        Array.Clear(_gb1);
        Array.Clear(_g2);
        Array.Clear(_gb2);
        Array.Clear(_g3);
        _gb3 = 0;

        double sum = 0;
        int count = _points.Length;
        double scale = 1.0 / count;
        for (int i = 0; i < count; i++)
        {
            double x0 = _points[i][0], x1 = _points[i][1];
            for (int n = 0; n < H; n++)
            {
                double z = _b1[n] + (_w1[n * 2] * x0) + (_w1[(n * 2) + 1] * x1);
                _z1[n] = z;
                _h1[n] = z > 0 ? z : 0;
            }

            for (int n = 0; n < H; n++)
            {
                double z = _b2[n];
                for (int j = 0; j < H; j++)
                {
                    z += _w2[(n * H) + j] * _h1[j];
                }

                _z2[n] = z;
                _h2[n] = z > 0 ? z : 0;
            }

            double score = _b3;
            for (int j = 0; j < H; j++)
            {
                score += _w3[j] * _h2[j];
            }

            double margin = (score * -_labels[i]) + 1;
            double loss = margin > 0 ? margin : 0;
            sum = i == 0 ? loss : sum + loss;

            // Backward for this point: d total / d loss_i = 1/count. No shortcuts for zero gradients:
            // the floor does all the arithmetic the engine does.
            double dScore = margin > 0 ? scale * -_labels[i] : 0;

            _gb3 += dScore;
            for (int j = 0; j < H; j++)
            {
                _g3[j] += dScore * _h2[j];
                _d2[j] = _z2[j] > 0 ? dScore * _w3[j] : 0;
            }

            Array.Clear(_d1);
            for (int n = 0; n < H; n++)
            {
                double d = _d2[n];
                _gb2[n] += d;
                for (int j = 0; j < H; j++)
                {
                    _g2[(n * H) + j] += d * _h1[j];
                    _d1[j] += d * _w2[(n * H) + j];
                }
            }

            for (int n = 0; n < H; n++)
            {
                double d = _z1[n] > 0 ? _d1[n] : 0;
                _gb1[n] += d;
                _g1[n * 2] += d * x0;
                _g1[(n * 2) + 1] += d * x1;
            }
        }

        double reg = 0;
        bool first = true;
        void Square(double p)
        {
            reg = first ? p * p : reg + (p * p);
            first = false;
        }

        for (int n = 0; n < H; n++)
        {
            Square(_w1[n * 2]);
            Square(_w1[(n * 2) + 1]);
            Square(_b1[n]);
        }

        for (int n = 0; n < H; n++)
        {
            for (int j = 0; j < H; j++)
            {
                Square(_w2[(n * H) + j]);
            }

            Square(_b2[n]);
        }

        for (int j = 0; j < H; j++)
        {
            Square(_w3[j]);
        }

        Square(_b3);
        double total = (sum * scale) + (1e-4 * reg);

        double lr = 1.0 - (0.9 * step / 100);
        Update(_w1, _g1, lr);
        Update(_b1, _gb1, lr);
        Update(_w2, _g2, lr);
        Update(_b2, _gb2, lr);
        Update(_w3, _g3, lr);
        _b3 -= lr * (_gb3 + (2e-4 * _b3));
        return total;
    }

    private static void Update(double[] p, double[] g, double lr)
    {
        for (int i = 0; i < p.Length; i++)
        {
            p[i] -= lr * (g[i] + (2e-4 * p[i]));
        }
    }
}
