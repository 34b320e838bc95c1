#!/usr/bin/env bash
# Draws the README's "before" pictures (docs/images/before/): the same graphs as the "after" ones in
# docs/images, drawn by the code as it was before operand marks, parameter owners and fan-in groups
# (commit 4dda20e), with the native Graphviz. They are history: nothing regenerates them but this script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v dot >/dev/null || { echo "Graphviz (dot) is required: sudo apt-get install graphviz" >&2; exit 1; }
commit=4dda20ec77bb1fe3be87d35828ca452535b2dbd7
work="$(mktemp -d)"
trap 'git worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/tree" "$commit" >/dev/null
mkdir -p "$work/draw"
cat > "$work/draw/draw.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup><ProjectReference Include="$work/tree/src/MicroGrad.Viz/MicroGrad.Viz.csproj" /></ItemGroup>
</Project>
XML
# The graphs of tests/MicroGrad.TestSupport/SampleGraphs.cs: NeuronWithExp, WideSum, SmallMlp.
cat > "$work/draw/Program.cs" <<'CS'
using MicroGrad;
using MicroGrad.Nn;
using MicroGrad.Viz;

var x1 = new Value(2.0, "x1"); var x2 = new Value(0.0, "x2"); var w1 = new Value(-3.0, "w1"); var w2 = new Value(1.0, "w2");
var b = new Value(6.8813735870195432, "b");
var n = (x1 * w1) + (x2 * w2) + b; n.Label = "n";
var e = (2 * n).Exp(); e.Label = "e";
var o = (e - 1) / (e + 1); o.Label = "o"; o.Backward();
File.WriteAllText(Path.Combine(args[0], "neuron-exp.dot"), o.ToDot());

var sum = Enumerable.Range(0, 300).Select(i => new Value(i, "a" + i) * new Value(1, "b" + i)).Aggregate((p, q) => p + q);
sum.Label = "L"; sum.Backward();
File.WriteAllText(Path.Combine(args[0], "wide-sum.dot"), sum.ToDot());

var mlp = new Mlp(2, 3, 1);
var loss = (mlp.Forward([new Value(0.5, "x0"), new Value(-1.0, "x1")])[0] - 1).Pow(2); loss.Label = "loss"; loss.Backward();
File.WriteAllText(Path.Combine(args[0], "mlp-node-for-node.dot"), loss.ToDot());
CS
dotnet run -c Release --project "$work/draw" -- "$work"
out=docs/images/before
mkdir -p "$out"
dot -Tsvg "$work/neuron-exp.dot" -o "$out/neuron-exp.svg"
dot -Tsvg "$work/mlp-node-for-node.dot" -o "$out/mlp-node-for-node.svg"
# The 300-term sum is 765 × 32,990 pt; the README shows 1,000 pt of it around the Σ (at y = 16,490 pt).
dot -Tpng -Gdpi=72 -Gviewport=757,1000,1,378,16490 "$work/wide-sum.dot" -o "$out/wide-sum-middle.png"
dot -Tplain "$work/wide-sum.dot" | head -1
git status --short "$out"
