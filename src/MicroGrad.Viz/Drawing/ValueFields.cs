namespace MicroGrad.Viz.Drawing;

/// <summary>Which fields a value's record shows.</summary>
[Flags]
public enum ValueFields
{
    /// <summary>No fields: an empty box.</summary>
    None = 0,

    /// <summary>The value's label; values without a label show no label field.</summary>
    Label = 1,

    /// <summary><c>data 2.0000</c>.</summary>
    Data = 2,

    /// <summary><c>grad 6.0000</c>.</summary>
    Grad = 4,

    /// <summary>Label, data and grad: the lecture's <c>{ label | data | grad }</c>.</summary>
    All = Label | Data | Grad,
}
