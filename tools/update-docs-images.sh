#!/usr/bin/env bash
# Regenerates the README's pictures from the code: docs/images/{seed,neuron,neuron-gradients}.{dot,svg}
# (needs Graphviz) and docs/images/decision-boundary.{csv,svg} (the trained moons model).
# Review the result with `git diff docs/images` before committing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v dot >/dev/null || { echo "Graphviz (dot) is required: sudo apt-get install graphviz" >&2; exit 1; }
export MGVIZ_UPDATE_DOCS=1 CI=
dotnet test tests/MicroGrad.Viz.Tests -c Release --filter "FullyQualifiedName~DocsImagesTests"
dotnet test tests/MicroGrad.Examples.Tests -c Release --filter "FullyQualifiedName~boundary_matches_the_docs"
git status --short docs/images
