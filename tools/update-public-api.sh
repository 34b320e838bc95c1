#!/usr/bin/env bash
# Brings each src project's PublicAPI.Unshipped.txt in line with its code: builds, adds every symbol
# PublicApiAnalyzers reports as undeclared (RS0016), drops every declared symbol it cannot find
# (RS0017), and shows the change. Review the diff like any API change before committing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet build MicroGrad.Viz.sln -c Release -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= >"$log" 2>&1 || true
for project in src/*/; do
    name="$(basename "$project")"
    file="$project/PublicAPI.Unshipped.txt"
    [ -f "$file" ] || continue
    added="$(grep -oP "src/$name/[^(]*\(\d+,\d+\): (error|warning) RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u || true)"
    removed="$(grep -oP "src/$name/PublicAPI\.Unshipped\.txt\(\d+,\d+\): (error|warning) RS0017: Symbol '\K.*(?=' is part of the declared API)" "$log" | sort -u || true)"
    [ -z "$added$removed" ] && continue
    {
        echo '#nullable enable'
        { grep -v '^#nullable enable$' "$file" | grep -vxF -f <(printf '%s\n' "$removed") || true; printf '%s\n' "$added"; } | grep -v '^$' | LC_ALL=C sort -u
    } > "$file.new"
    mv "$file.new" "$file"
    echo "update-public-api: $file"
done
git diff --stat -- 'src/*/PublicAPI.*.txt'
