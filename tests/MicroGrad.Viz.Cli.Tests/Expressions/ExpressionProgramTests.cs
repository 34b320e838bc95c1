using MicroGrad.Viz.Cli.Expressions;

namespace MicroGrad.Viz.Cli.Tests.Expressions;

public class ExpressionProgramTests
{
    private const string Seed = "e = a*b; d = e + c; L = d*f";
    private static readonly string[] SeedSets = ["a=2", "b=-3", "c=10", "f=-2"];

    [Fact]
    public void The_seed_program_builds_the_seed_graph()
    {
        var program = ExpressionProgram.Create(Seed, SeedSets, null);

        var (root, leaves) = program.Build();
        root.Backward();

        Assert.Equal("L", root.Label);
        Assert.Equal(-8.0, root.Data);
        Assert.Equal(["a", "b", "c", "f"], leaves.Keys);
        Assert.Equal([6.0, -4.0, -2.0, 4.0], leaves.Values.Select(v => v.Grad));
        Assert.Equal(["a", "b", "e", "c", "d", "f", "L"], root.TopologicalOrder().Select(v => v.Label));
    }

    [Fact]
    public void Names_bound_to_numbers_are_labelled_leaves_and_literals_are_constants()
    {
        var program = ExpressionProgram.Create("a = 2; b = -3; c = a * 4 + b", [], null);

        var (root, leaves) = program.Build();

        Assert.Equal(["a", "b"], program.Inputs.Select(i => i.Key));
        Assert.False(leaves["a"].IsConstant);
        Assert.Equal(-3.0, leaves["b"].Data);
        Assert.True(leaves["b"].IsLeaf);
        var product = root.Inputs[0];
        Assert.True(product.Inputs[1].IsConstant);
        Assert.Equal(4.0, product.Inputs[1].Data);
    }

    [Theory]
    [InlineData("y = x ** 2", "**2")]
    [InlineData("y = x ** -1", "**-1")]
    [InlineData("y = pow(x, 3)", "**3")]
    [InlineData("y = x ** x", "**")]
    [InlineData("y = pow(x, x + 1)", "**")]
    [InlineData("y = tanh(x)", "tanh")]
    [InlineData("y = exp(x)", "exp")]
    [InlineData("y = log(x)", "log")]
    [InlineData("y = relu(x)", "ReLU")]
    [InlineData("y = sigmoid(x)", "sigmoid")]
    [InlineData("y = -x", "neg")]
    [InlineData("y = x / 2", "/")]
    public void Operations_map_to_engine_operations(string source, string op)
    {
        var root = ExpressionProgram.Create(source, ["x=1.5"], null).Build().Root;

        Assert.Equal(op, root.Op);
        Assert.Equal("y", root.Label);
    }

    [Fact]
    public void A_negative_literal_is_one_constant_not_a_negation()
    {
        var root = ExpressionProgram.Create("y = -2 * x", ["x=3"], null).Build().Root;

        Assert.True(root.Inputs[0].IsConstant);
        Assert.Equal(-2.0, root.Inputs[0].Data);
    }

    [Fact]
    public void Root_picks_another_statement_and_a_bare_expression_is_unlabelled()
    {
        var chosen = ExpressionProgram.Create(Seed, SeedSets, "d").Build().Root;
        var bare = ExpressionProgram.Create("a = 2; a * 3", [], null).Build().Root;

        Assert.Equal("d", chosen.Label);
        Assert.Equal(4.0, chosen.Data);
        Assert.Null(bare.Label);
        Assert.Equal(6.0, bare.Data);
    }

    [Fact]
    public void Build_can_use_given_leaves_and_builds_fresh_graphs()
    {
        var program = ExpressionProgram.Create(Seed, SeedSets, null);
        var a = new Value(3.0, "a");

        var first = program.Build(new Dictionary<string, Value> { ["a"] = a }).Root;
        var second = program.Build().Root;

        Assert.Equal(-2.0, first.Data); // a=3: e=-9, d=1, L=-2
        Assert.Same(a, first.TopologicalOrder()[0]);
        Assert.NotSame(first, second);
        Assert.Equal(-8.0, second.Data);
    }

    [Fact]
    public void Set_replaces_a_number_the_program_assigns()
    {
        // The seed with a = 3 instead of 2: e = -9, d = 1, L = -2; dL/da = b*f = 6, dL/db = a*f = -6.
        const string file = "a = 2\nb = -3\nc = 10\nf = -2\ne = a*b\nd = e + c\nL = d*f\n";

        var program = ExpressionProgram.Create(file, ["a=3"], null);
        var (root, leaves) = program.Build();
        root.Backward();

        Assert.Equal(-2.0, root.Data);
        Assert.Equal(6.0, leaves["a"].Grad);
        Assert.Equal(-6.0, leaves["b"].Grad);
        Assert.Equal(["a", "b", "c", "f"], program.Inputs.Select(i => i.Key));
        Assert.Equal(3.0, program.Inputs[0].Value);
        Assert.Equal(4, root.TopologicalOrder().Count(v => v.Op.Length == 0));
    }

    [Theory]
    [InlineData("e = a*b; d = e + q", new string[0], "unknown name 'a': assign it before this line or give it with --set a=NUMBER")]
    [InlineData("d = e + 1; e = 2", new string[0], "unknown name 'e': assign it before this line or give it with --set e=NUMBER")]
    [InlineData("a = 1; a = 2", new string[0], "'a' is assigned twice (first at line 1, column 1)")]
    [InlineData("x = 1; a = x * 2; b = a * 2", new[] { "a=3" }, "--set gives 'a', but the program computes it here; --set can replace only a number the program assigns (like 'a = 2')")]
    [InlineData("a = 1; a = 2", new[] { "a=3" }, "'a' is assigned twice (first at line 1, column 1)")]
    [InlineData("a = 1; b = a", new string[0], "'b = a' would only rename a value; write an operation (e.g. 'b = a * 1')")]
    public void Naming_mistakes_point_at_the_program(string source, string[] sets, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => ExpressionProgram.Create(source, sets, null));

        Assert.Equal(message, error.Message);
        Assert.NotNull(error.Span);
        Assert.Equal(source, error.SourceText);
    }

    [Theory]
    [InlineData(new[] { "a=1", "a=2" }, null, "--set gives 'a' twice")]
    [InlineData(new[] { "a" }, null, "--set 'a': expected NAME=NUMBER, e.g. --set a=2")]
    [InlineData(new[] { "=2" }, null, "--set '=2': expected NAME=NUMBER, e.g. --set a=2")]
    [InlineData(new[] { "2a=2" }, null, "--set '2a=2': expected NAME=NUMBER, e.g. --set a=2")]
    [InlineData(new[] { "a=two" }, null, "--set 'a=two': 'two' is not a number (write numbers like 2, -0.5, 1e-3)")]
    [InlineData(new[] { "a=1,5" }, null, "--set 'a=1,5': '1,5' is not a number (write numbers like 2, -0.5, 1e-3)")]
    [InlineData(new[] { "a=1e999" }, null, "--set 'a=1e999': '1e999' is not a number (write numbers like 2, -0.5, 1e-3)")]
    [InlineData(new[] { "exp=1" }, null, "--set 'exp=1': 'exp' is a function and cannot be set")]
    [InlineData(new[] { "a=1", "z=2" }, null, "--set gives 'z', but the program never uses it")]
    [InlineData(new[] { "a=1" }, "zz", "--root 'zz': no statement assigns 'zz'")]
    public void Input_mistakes_name_the_option(string[] sets, string? root, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => ExpressionProgram.Create("y = a * 2", sets, root));

        Assert.Equal(message, error.Message);
        Assert.Null(error.Span);
    }
}
