#!/usr/bin/env bash
# Reproduces src/MicroGrad.Viz.Wasm/ThirdParty/graphviz.wasm from the npm package it comes from
# and checks both against their pinned hashes. Needs node and npm (Debian: apt-get install nodejs npm).
#
#   tools/graphviz-wasm/reproduce.sh          check the committed module (exit 1 on any mismatch)
#   tools/graphviz-wasm/reproduce.sh --write  also (re)write the committed module
#
# @viz-js/viz ships no .wasm file: its lib/backend.js carries the module as an encoded string and
# hands the decoded bytes to WebAssembly.instantiate. extract-wasm.mjs runs the backend once under
# node and saves those bytes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source tools/graphviz-wasm/pinned.sh

package="@viz-js/viz@3.31.0"
# npm's integrity of the tarball (sha512, from 'npm view @viz-js/viz@3.31.0 dist.integrity').
integrity="sha512-r7zlQdRvcwvIpjHGgs+KNWHeE/P5/Dq7k8ZAKaMCbZqomxCBJV78gVuQYaHzFVca+kB0mX0fMW9UFevCOBG50A=="
# The module's sha256, also pinned in WasmGraphviz.ModuleSha256 and checked by a test.
module_sha256="b113d594ef25f4da9d12e83f7f1550f00aae8e8fa911ebc4c4417ec1293f1451"
target="src/MicroGrad.Viz.Wasm/ThirdParty/graphviz.wasm"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack "$package" --silent >/dev/null)
tarball="$(ls "$work"/*.tgz)"
actual_integrity="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual_integrity" != "$integrity" ]; then
    echo "reproduce: $package tarball integrity is $actual_integrity, expected $integrity" >&2
    exit 1
fi

tar -xzf "$tarball" -C "$work"
node tools/graphviz-wasm/extract-wasm.mjs "$work/package/lib/backend.js" "$work/graphviz.wasm"
require_sha256 "$work/graphviz.wasm" "$module_sha256" "the extracted module"
echo "reproduce: $package -> graphviz.wasm ($(stat -c %s "$work/graphviz.wasm") bytes) sha256 $module_sha256"
write_or_compare "$work/graphviz.wasm" "$target" "${1:-}"
