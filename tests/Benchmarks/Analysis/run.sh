#!/usr/bin/env bash
# Analysis benchmark: `agentcompliance analyze` vs Roslyn's own compilation of the same generated agent code, in one run.
#   bash tests/Benchmarks/Analysis/run.sh [repetitions]      (FILES=2000 by default)
# Times, interleaved and in one process, (a) loading + analysing the folder with every rule and (b) parsing, binding
# and GetDiagnostics() of the same files; prints medians, files per second, their ratio, and the peak working set of
# each in a fresh process. The corpus (SDK stubs included, so it compiles without errors) comes from AnalysisBench.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
reps=${1:-5}
files=${FILES:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building (Release)..." >&2
dotnet build "$here/AnalysisBench" -c Release -nologo -v quiet -o "$work/bench" >&2
bench() { dotnet "$work/bench/AnalysisBench.dll" "$@"; }
value() { awk -F'\t' -v key="$1" '$1 == key { print $2 }'; }

generated=$(bench generate "$work/corpus" "$files")
lines=$(echo "$generated" | value lines)
echo "corpus: $files files, $lines lines" >&2

results=$(bench compare "$work/corpus" "$reps")
analysis_ms=$(echo "$results" | value analysis_ms)
compilation_ms=$(echo "$results" | value compilation_ms)
findings=$(echo "$results" | value findings)
peak_analysis=$(bench peak analyze "$work/corpus" | value peak)
peak_compilation=$(bench peak compile "$work/corpus" | value peak)

awk -v files="$files" -v lines="$lines" -v a="$analysis_ms" -v c="$compilation_ms" -v pa="$peak_analysis" -v pc="$peak_compilation" \
    -v findings="$findings" -v reps="$reps" -v cores="$(nproc)" 'BEGIN {
  printf "| corpus | step | median wall time (ms, n=%d) | files/s | peak working set (MiB) |\n", reps
  printf "|---|---|---|---|---|\n"
  printf "| %d files, %d lines | analyze (load + %s findings) | %d | %.0f | %.0f |\n", files, lines, findings, a, files / (a / 1000), pa / 1048576
  printf "| %d files, %d lines | Roslyn parse + bind + GetDiagnostics | %d | %.0f | %.0f |\n", files, lines, c, files / (c / 1000), pc / 1048576
  printf "\nanalysis / compilation = %.2fx (target <= 1.5x); %d cores\n", a / c, cores
}'
