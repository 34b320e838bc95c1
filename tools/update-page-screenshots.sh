#!/usr/bin/env bash
# Takes the README's frames of the step-through page: mgviz draws the seed program as a page (Graphviz
# in-process, so the drawing is the same on every machine), and headless Chromium photographs it at
# a few steps (the page opens at step N from its address, page.html#step=N).
# Needs Chromium (sudo apt-get install chromium). Review the PNGs before committing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
chromium="${MGVIZ_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$chromium" ] || { echo "Chromium is required: sudo apt-get install chromium" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet run --project src/MicroGrad.Viz.Cli -c Release -- render -f examples/programs/seed.mg -o "$work/seed.html" --renderer inprocess
for step in 0 1 5 6; do
    "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,520 \
        --screenshot="docs/images/page/seed-step-$step.png" "file://$work/seed.html#step=$step" 2>/dev/null
done
git status --short docs/images/page
