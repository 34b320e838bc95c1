using MicroGrad.Nn;

namespace MicroGrad.Tests;

public class ModuleScopeTests
{
    [Fact]
    public void Operations_take_the_current_scope_and_leaves_take_none()
    {
        var a = new Value(1.0, "a");
        Value inside;
        using (ModuleScope.Enter("outer"))
        {
            using (ModuleScope.Enter("inner"))
            {
                inside = a * 2;
            }

            Assert.Equal("outer", ModuleScope.Current!.Path);
        }

        var outside = a + 1;

        Assert.Equal("outer.inner", inside.Scope!.Path);
        Assert.Equal("inner", inside.Scope.Name);
        Assert.Equal(2, inside.Scope.Depth);
        Assert.Equal("outer", inside.Scope.AtDepth(1)!.Path);
        Assert.Same(inside.Scope, inside.Scope.AtDepth(2));
        Assert.Null(inside.Scope.AtDepth(3));
        Assert.Null(outside.Scope);
        Assert.Null(a.Scope);
        Assert.Null(ModuleScope.Current);
    }

    [Fact]
    public void An_mlp_forward_pass_labels_values_with_layer_and_neuron()
    {
        var mlp = new Mlp(2, 3, 1);

        var output = mlp.Forward(0.5, -1.0)[0];
        var scopes = output.TopologicalOrder().Where(v => !v.IsLeaf).Select(v => v.Scope!.Path).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["layer0.neuron0", "layer0.neuron1", "layer0.neuron2", "layer1.neuron0"], scopes);
        Assert.Equal("layer1.neuron0", output.Scope!.Path);
        Assert.All(mlp.Parameters(), p => Assert.Null(p.Scope));
    }

    [Fact]
    public void Each_forward_pass_gets_its_own_scopes()
    {
        var mlp = new Mlp(2, 1);

        var first = mlp.Forward(1.0, 2.0)[0];
        var second = mlp.Forward(1.0, 2.0)[0];

        Assert.Equal(first.Scope!.Path, second.Scope!.Path);
        Assert.NotSame(first.Scope, second.Scope);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    public void Bad_names_are_rejected(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => ModuleScope.Enter(name));
    }
}
