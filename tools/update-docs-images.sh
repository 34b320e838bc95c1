#!/usr/bin/env bash
# Regenerates the README's pictures (docs/images/*.dot and *.svg) from the code. Needs Graphviz.
# Review the result with `git diff docs/images` before committing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v dot >/dev/null || { echo "Graphviz (dot) is required: sudo apt-get install graphviz" >&2; exit 1; }
MGVIZ_UPDATE_DOCS=1 CI= dotnet test tests/MicroGrad.Viz.Tests -c Release --filter "FullyQualifiedName~DocsImagesTests"
git status --short docs/images
