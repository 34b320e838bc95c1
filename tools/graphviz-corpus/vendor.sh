#!/usr/bin/env bash
# Copies Graphviz's own test graphs (tests/*.dot and tests/graphs/*.gv of its repository, files up to
# 100 kB) into tests/MicroGrad.Viz.Wasm.Tests/Corpus/graphviz, with the licence of that commit and a
# provenance note listing every file's sha256. The corpus tests draw them with both Graphviz renderers.
#
#   tools/graphviz-corpus/vendor.sh GRAPHVIZ_GIT_DIR [COMMIT]
#
# GRAPHVIZ_GIT_DIR: a clone (or bare mirror) of Graphviz's repository (GitLab upstream, mirrored on
# GitHub as facsimiles/graphviz). COMMIT defaults to the one pinned below, so a rerun reproduces the
# committed files byte for byte.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source_git="${1:?usage: vendor.sh GRAPHVIZ_GIT_DIR [COMMIT]}"
commit="${2:-2c397d169dd960ecdcb238200ff22c87d716a33e}"
target="tests/MicroGrad.Viz.Wasm.Tests/Corpus/graphviz"
max_bytes=100000

rm -rf "$target"
mkdir -p "$target"
git -C "$source_git" show "$commit:LICENSE" > "$target/LICENSE-EPL-2.0.txt"
git -C "$source_git" ls-tree -r -l "$commit" tests/ |
    awk -v max="$max_bytes" '($5 ~ /^tests\/[^\/]*\.dot$/ || $5 ~ /^tests\/graphs\/[^\/]*\.gv$/) && $4 <= max { print $5 }' |
    sort |
    while read -r path; do
        name="${path#tests/}"
        name="${name//\//_}"
        git -C "$source_git" show "$commit:$path" > "$target/$name"
    done

{
    echo "# Graphviz's test graphs"
    echo
    echo "Copied by \`tools/graphviz-corpus/vendor.sh\` from Graphviz's repository (<https://gitlab.com/graphviz/graphviz>),"
    echo "commit \`$commit\`: \`tests/*.dot\` and \`tests/graphs/*.gv\` (as \`graphs_NAME.gv\`), files up to $max_bytes bytes."
    echo "They are Graphviz's, under the Eclipse Public License 2.0 of that commit (\`LICENSE-EPL-2.0.txt\`), used unchanged as test input."
    echo
    echo "| file | sha256 |"
    echo "|---|---|"
    (cd "$target" && for f in $(ls | grep -E '\.(dot|gv)$'); do echo "| $f | $(sha256sum "$f" | cut -d' ' -f1) |"; done)
} > "$target/README.md"
echo "vendor: $(ls "$target" | grep -cE '\.(dot|gv)$') graphs from $commit into $target"
