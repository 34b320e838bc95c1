#!/usr/bin/env bash
# Reproduces src/MicroGrad.Viz.Wasm/ThirdParty/fonts/LiberationSans-Regular.ttf from the Debian
# package it comes from and checks both against their pinned hashes. Needs apt-get and dpkg-deb.
#
#   tools/graphviz-wasm/reproduce-font.sh          check the committed font (exit 1 on any mismatch)
#   tools/graphviz-wasm/reproduce-font.sh --write  also (re)write the committed font
#
# Liberation Sans is metric-compatible with Helvetica and Arial, the font Graphviz in-process sizes
# its labels for; the PNG and PDF rasteriser draws every label with it, so text appears on machines
# with no fonts installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source tools/graphviz-wasm/pinned.sh

package="fonts-liberation2=2.1.5-1"
package_sha256="35ffaa54f117e633e89a5da89af235a073b34dbe582726fbf6989568f7fd9bda"
font_sha256="8d91388f1d3604b3b8ae0e3ee2d140e50cd6122f9214514f4aca772540a4076d"
target="src/MicroGrad.Viz.Wasm/ThirdParty/fonts/LiberationSans-Regular.ttf"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

(cd "$work" && apt-get download "$package" >/dev/null 2>&1)
deb="$(ls "$work"/*.deb)"
require_sha256 "$deb" "$package_sha256" "$package"
dpkg-deb -x "$deb" "$work/x"
font="$work/x/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"
require_sha256 "$font" "$font_sha256" "LiberationSans-Regular.ttf"
echo "reproduce-font: $package -> LiberationSans-Regular.ttf ($(stat -c %s "$font") bytes) sha256 $font_sha256"
write_or_compare "$font" "$target" "${1:-}"
