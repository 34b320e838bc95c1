#!/usr/bin/env bash
# Writes a fixed set of drawings (tools/MicroGrad.OutputCheck: seed, neuron, every operation, an MLP in its
# views, a 300-term sum, a tape; as DOT, JSON, in-process SVG and the page) for the working tree, or for
# COMMIT as that commit's own tool draws them, into OUT. For changes that must not change a byte:
#
#   tools/output-check.sh /tmp/before main && tools/output-check.sh /tmp/after && diff -r /tmp/before /tmp/after
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ $# -ge 1 ] || { echo "usage: tools/output-check.sh OUT [COMMIT]" >&2; exit 2; }
out="$(realpath -m "$1")"
root="$PWD"
if [ $# -ge 2 ]; then
    work="$(mktemp -d)"
    trap 'git -C "$root" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
    git worktree add --detach "$work/tree" "$2" >/dev/null
    root="$work/tree"
fi
rm -rf "$out"
dotnet run -c Release --project "$root/tools/MicroGrad.OutputCheck" -- "$out"
