#!/usr/bin/env bash
# Report benchmark: the threat model and its reports for a 200-element system model joined with 10,000 scenario results.
#   bash tests/Benchmarks/Reports/run.sh [repetitions]      (ELEMENTS=200 SCENARIOS=10000 by default)
# (a) In one process, REPS times: read system model + results.json (schema-validated), run every threat rule, join the
#     evidence, write threat-model.json, .md and .html; prints the first (cold) time and the median of the warm ones.
# (b) The `agentcompliance threat-model` command end to end in a fresh process, REPS times; prints the median.
# Targets: rendering under 2 s, and the HTML under 15 MB. `run` renders from the results it holds in memory; the
# threat-model command also reads results.json, so that step is timed on its own.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
reps=${1:-5}
elements=${ELEMENTS:-200}
scenarios=${SCENARIOS:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building (Release)..." >&2
dotnet build "$here/ReportBench" -c Release -nologo -v quiet -o "$work/bench" >&2
dotnet build "$root/src/AgentCompliance.Cli" -c Release -nologo -v quiet -o "$work/cli" >&2
bench() { dotnet "$work/bench/ReportBench.dll" "$@"; }
value() { awk -F'\t' -v key="$1" '$1 == key { print $2 }'; }

generated=$(bench generate "$work/input" "$elements" "$scenarios")
echo "input: $(echo "$generated" | value elements) elements, $(echo "$generated" | value flows) flows, $scenarios scenarios ($(echo "$generated" | value results_bytes) bytes of results.json)" >&2

inproc=$(bench render "$work/input" "$reps")

cli_times=()
for _ in $(seq "$reps"); do
  start=$(date +%s%N)
  dotnet "$work/cli/agentcompliance.dll" threat-model --system "$work/input/system-model.json" --results "$work/input/results.json" --out "$work/cli-out" >/dev/null
  end=$(date +%s%N)
  cli_times+=($(( (end - start) / 1000000 )))
done
cli_median=$(printf '%s\n' "${cli_times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')

awk -v e="$elements" -v s="$scenarios" -v reps="$reps" -v first="$(echo "$inproc" | value first_ms)" -v median="$(echo "$inproc" | value median_ms)" \
    -v model="$(echo "$inproc" | value read_model_ms)" -v results="$(echo "$inproc" | value read_results_ms)" \
    -v threat="$(echo "$inproc" | value threat_model_ms)" -v render="$(echo "$inproc" | value render_and_write_ms)" \
    -v cli="$cli_median" -v html="$(echo "$inproc" | value html_bytes)" -v threats="$(echo "$inproc" | value threats)" -v cores="$(nproc)" \
    -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "%d elements, %d scenarios, %d threats; median of warm runs in one process (n=%d) unless noted\n\n", e, s, threats, reps - 1
  printf "| step | time (ms) |\n|---|---|\n"
  printf "| read the system model | %d |\n", model
  printf "| read and schema-validate results.json | %d |\n", results
  printf "| threat rules + evidence join | %d |\n", threat
  printf "| render and write threat-model.json, .md, .html | %d |\n", render
  printf "| all of the above, median | %d |\n", median
  printf "| all of the above, first (cold) run | %d |\n", first
  printf "| `agentcompliance threat-model --results`, fresh process, median (n=%d) | %d |\n", reps, cli
  printf "\nthreat-model.html: %.1f MB (target < 15 MB); rendering target < 2000 ms; %d cores, load average %s\n", html / 1048576, cores, load
}'
