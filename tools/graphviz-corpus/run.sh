#!/usr/bin/env bash
# Draws every vendored Graphviz test graph with native dot and Graphviz in-process (CI draws a fixed
# sample of 60 that leaves out the slow files of tests/MicroGrad.Viz.Wasm.Tests/Corpus/slow.txt) and writes one line per file to the report (default corpus-report.tsv). Each rendering
# has 10 s; MGVIZ_CORPUS_TIMEOUT=SECONDS gives more (2620.dot takes about 40 s in-process).
#
#   tools/graphviz-corpus/run.sh [REPORT]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
report="$(realpath -m "${1:-corpus-report.tsv}")"
MGVIZ_CORPUS=all MGVIZ_CORPUS_REPORT="$report" \
    dotnet test tests/MicroGrad.Viz.Wasm.Tests -c Release --filter "FullyQualifiedName~CorpusTests"
echo "corpus: report in $report"
