#!/usr/bin/env bash
# Accepts snapshot changes deliberately: runs the tests with MGVIZ_ACCEPT_SNAPSHOTS=1, which
# rewrites every *.verified.* file whose test produced something new, then shows what changed.
# Review every change with `git diff` as you would review code. Refuses to run on CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${CI:-}" = "true" ]; then echo "accept-snapshots: refusing to accept snapshots on CI" >&2; exit 1; fi
MGVIZ_ACCEPT_SNAPSHOTS=1 dotnet test MicroGrad.Viz.sln -c Release "$@" || true
find . -name '*.received.*' -not -path '*/bin/*' -not -path '*/obj/*' -delete
git status --short -- '*.verified.*'
