namespace MicroGrad;

/// <summary>
/// One addition of the backward pass, the chain rule applied along one edge:
/// <c>input.grad += output.grad × ∂output/∂input</c>. See <see cref="Value.BackwardSteps"/>.
/// </summary>
/// <param name="Output">The operation whose gradient flows back.</param>
/// <param name="InputIndex">Which of its inputs receives it (a value used twice has two steps).</param>
/// <param name="OutputGrad">The operation's gradient at this step (already complete: every user of it came before).</param>
/// <param name="LocalDerivative">∂output/∂input, recorded when the operation was created.</param>
/// <param name="Contribution">What this step adds: <c>LocalDerivative × OutputGrad</c>.</param>
/// <param name="GradBefore">The input's gradient before this step.</param>
/// <param name="GradAfter">The input's gradient after it: <c>GradBefore + Contribution</c>.</param>
public sealed record BackwardStep(Value Output, int InputIndex, double OutputGrad, double LocalDerivative, double Contribution, double GradBefore, double GradAfter)
{
    /// <summary>The input that receives the gradient.</summary>
    public Value Input => Output.Inputs[InputIndex];
}
