#!/usr/bin/env bash
# Renders the README gallery with the embedded renderer (no Graphviz needed) into
# docs/images/embedded/*.svg, then, for a visual check, screenshots each SVG to PNG under
# artifacts/gallery/ with a headless Chromium when one is installed (else rsvg-convert, if present).
# Review the result with `git diff docs/images/embedded` and by looking at the PNGs before committing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export MGVIZ_UPDATE_DOCS=1 CI=
dotnet test tests/MicroGrad.Viz.Tests -c Release --filter "FullyQualifiedName~Committed_embedded_image_matches_the_code"

out=artifacts/gallery
mkdir -p "$out"
chromium=""
for candidate in chromium chromium-browser google-chrome google-chrome-stable chrome; do
  if command -v "$candidate" >/dev/null; then chromium=$(command -v "$candidate"); break; fi
done

for svg in docs/images/embedded/*.svg; do
  name=$(basename "$svg" .svg)
  if [[ -n "$chromium" ]]; then
    # The window is the SVG's own size (its width/height are in pt: 4/3 px each).
    read -r width height < <(sed -n 's/.*<svg[^>]* width="\([0-9.]*\)pt" height="\([0-9.]*\)pt".*/\1 \2/p' "$svg" | head -1)
    px() { awk -v v="$1" 'BEGIN { printf "%d", v * 4 / 3 + 1 }'; }
    "$chromium" --headless --disable-gpu --no-sandbox --hide-scrollbars \
      --window-size="$(px "$width"),$(px "$height")" --screenshot="$PWD/$out/$name.png" "file://$PWD/$svg" >/dev/null 2>&1
  elif command -v rsvg-convert >/dev/null; then
    rsvg-convert "$svg" -o "$out/$name.png"
  else
    echo "no Chromium or rsvg-convert: skipping the PNG of $name" >&2
    continue
  fi
  echo "$out/$name.png"
done
git status --short docs/images/embedded
