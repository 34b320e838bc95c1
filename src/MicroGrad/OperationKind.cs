namespace MicroGrad;

/// <summary>The operations <see cref="Operation"/> describes, as the switch that computes them reads them.</summary>
internal enum OperationKind : byte
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Negate,
    Power,
    ConstantPower,
    Exp,
    Log,
    Tanh,
    Relu,
    Sigmoid,
}
