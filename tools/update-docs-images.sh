#!/usr/bin/env bash
# Regenerates the README's pictures from the code: docs/images/*.{dot,svg} (the gallery, drawn by the
# native Graphviz), docs/images/inprocess/*.svg (the same drawn by Graphviz in-process: the exact
# bytes every machine produces) and docs/images/decision-boundary.{csv,svg} (the trained moons model).
# Review the result with `git diff docs/images` before committing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v dot >/dev/null || { echo "Graphviz (dot) is required: sudo apt-get install graphviz" >&2; exit 1; }
export MGVIZ_UPDATE_DOCS=1 CI=
dotnet test tests/MicroGrad.Viz.Tests -c Release --filter "FullyQualifiedName~DocsImagesTests"
dotnet test tests/MicroGrad.Viz.Wasm.Tests -c Release --filter "FullyQualifiedName~The_gallery_drawn_in_process_matches_its_committed_svg"
dotnet test tests/MicroGrad.Examples.Tests -c Release --filter "FullyQualifiedName~boundary_matches_the_docs"
git status --short docs/images
