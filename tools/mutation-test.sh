#!/usr/bin/env bash
# Mutation testing with Stryker.NET (the dotnet-stryker tool in dotnet-tools.json): it changes the code
# one small way at a time (a `<` for a `<=`, a deleted statement, …) and runs the tests that cover the
# change; a mutant no test notices "survives" and points at a hole in the tests.
#
#   tools/mutation-test.sh engine     # Value, GradCheck, Nn, Tape against MicroGrad.Tests (~15 min here)
#   tools/mutation-test.sh renderer   # Dot/*, DrawingPlan, NumberText against MicroGrad.Viz.Tests
#   tools/mutation-test.sh wasm       # the in-process renderer's host code against MicroGrad.Viz.Wasm.Tests
#   tools/mutation-test.sh engine 'src/MicroGrad/Nn/*.cs'   # a part only: the files to mutate (one glob or more)
#
# MUTATION_CONCURRENCY=N sets how many test runs go at once (default 2).
#
# Runs with CI=true so property tests use their fixed seed (a mutant is then killed or not every
# time), with the Microsoft Testing Platform runner (-t mtp: the default VSTest runner cannot switch
# mutants on under xunit v3). Reports go to artifacts/mutation/<target>/; the summary printed at the
# end lists each file's score and every surviving or uncovered mutant.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target="${1:-engine}"
case "$target" in
    engine)
        project=MicroGrad.csproj; tests=tests/MicroGrad.Tests
        files=('**/Value/*.cs' '**/Operation.cs' '**/GradCheck.cs' '**/Nn/*.cs' '**/Tape/*.cs') ;;
    renderer)
        project=MicroGrad.Viz.csproj; tests=tests/MicroGrad.Viz.Tests
        files=('**/Dot/*.cs' '**/Planning/*.cs' '**/Text/*.cs') ;;
    wasm)
        # Coverage "all": much of this code runs on the Graphviz thread and inside Wasmtime's calls
        # back into .NET, where Stryker's per-test coverage loses track of which test ran it (it then
        # runs no test at all for mutants the tests do kill). Every mutant any test reaches runs the
        # whole project's tests instead (~10 s each).
        project=MicroGrad.Viz.Wasm.csproj; tests=tests/MicroGrad.Viz.Wasm.Tests; coverage=all
        files=('**/GraphvizInstance.cs' '**/GraphvizRuntime.cs' '**/WasmGraphviz.cs' '**/InstancePool.cs' '**/WasmModule.cs' '**/ModuleCache.cs') ;;
    *) echo "usage: tools/mutation-test.sh engine|renderer|wasm ['glob of files to mutate']" >&2; exit 2 ;;
esac
if [ $# -ge 2 ]; then files=("${@:2}"); fi
out="$PWD/artifacts/mutation/$target"
rm -rf "$out"
mutate=()
for f in "${files[@]}"; do mutate+=(-m "$f"); done
# The coverage analysis has no command-line option in Stryker.NET 5.1; it is set in a config file.
config="$(mktemp --suffix=.json)"
trap 'rm -f "$config"' EXIT
printf '{ "stryker-config": { "coverage-analysis": "%s" } }\n' "${coverage:-perTest}" >"$config"
dotnet tool restore >/dev/null
(cd "$tests" && CI=true dotnet stryker -f "$config" -p "$project" -t mtp "${mutate[@]}" -r json -r html -r progress \
    --configuration Release -c "${MUTATION_CONCURRENCY:-2}" -O "$out" --skip-version-check)
report="$(find "$out" -name mutation-report.json | head -1)"
python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
detected = {"Killed", "Timeout"}
counted = detected | {"Survived", "NoCoverage"}
print("\nmutation score by file (killed / counted), then the mutants no test noticed:")
for path, data in sorted(report["files"].items()):
    mutants = [m for m in data["mutants"] if m["status"] in counted]
    if not mutants:
        continue
    killed = sum(m["status"] in detected for m in mutants)
    print(f"  {100 * killed / len(mutants):5.1f}%  {killed:4}/{len(mutants):<4} {path}")
for path, data in sorted(report["files"].items()):
    for m in sorted(data["mutants"], key=lambda m: m["location"]["start"]["line"]):
        if m["status"] in ("Survived", "NoCoverage"):
            line = m["location"]["start"]["line"]
            print(f"    {m['status']:<10} {path}:{line}  {m['mutatorName']}: {m.get('replacement', '').strip()[:100]}")
PY
