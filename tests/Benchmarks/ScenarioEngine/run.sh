#!/usr/bin/env bash
# Scenario-engine benchmark: agentcompliance vs cucumber-js on the same generated suite, in one run.
#   bash tests/Benchmarks/ScenarioEngine/run.sh [repetitions]
# Both tools do the same work: run every scenario and write Cucumber messages and JUnit XML (agentcompliance also
# writes results.json). agentcompliance is published as it ships (linux-x64, ReadyToRun).
# Prints wall-clock medians, their ratio, and the engine's per-step overhead, estimated as
# (median(1000 x 5 steps) - median(1000 x 1 step)) / 4000: start-up and per-scenario costs cancel out.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
reps=${1:-5}
scenarios=${SCENARIOS:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 REQNROLL_TELEMETRY_ENABLED=0 CUCUMBER_PUBLISH_QUIET=true NO_COLOR=1

echo "publishing (Release, linux-x64, ReadyToRun)..." >&2
dotnet publish "$root/src/AgentCompliance.Cli" -c Release -r linux-x64 --self-contained false -nologo -v quiet -o "$work/cli" >&2
dotnet build "$here/BenchBindings" -c Release -nologo -v quiet -o "$work/bindings" >&2
if [ ! -d "$here/node_modules/@cucumber/cucumber" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

node "$here/generate-suite.mjs" "$work/suite5" "$scenarios" 5
node "$here/generate-suite.mjs" "$work/suite1" "$scenarios" 1

now_ms() { date +%s%3N; }
time_agentcompliance() { # suite [extra run options] -> ms
  local start end rc=0 suite=$1
  shift
  start=$(now_ms)
  "$work/cli/agentcompliance" run --features "$suite" --bindings "$work/bindings/BenchBindings.dll" --out "$work/out" "$@" >/dev/null 2>&1 || rc=$?
  end=$(now_ms)
  [ "$rc" -eq 0 ] || { echo "agentcompliance run failed with exit code $rc on $suite" >&2; exit 3; }
  echo $((end - start))
}
time_cucumber_js() {
  local start end rc=0
  start=$(now_ms)
  (cd "$here" && node node_modules/@cucumber/cucumber/bin/cucumber.js "$1" --require "$here/steps.cjs" --format summary \
    --format "message:$work/cucumber-js.ndjson" --format "junit:$work/cucumber-js.xml" >/dev/null 2>&1) || rc=$?
  end=$(now_ms)
  [ "$rc" -eq 0 ] || { echo "cucumber-js failed with exit code $rc on $1" >&2; exit 3; }
  echo $((end - start))
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}'; }

ac5=() ac1=() cj5=() act=()
time_agentcompliance "$work/suite1" >/dev/null # warm the disk cache and the runtime once, untimed
for i in $(seq "$reps"); do # interleaved so machine noise hits every series alike
  ac5+=("$(time_agentcompliance "$work/suite5")")
  cj5+=("$(time_cucumber_js "$work/suite5")")
  ac1+=("$(time_agentcompliance "$work/suite1")")
  act+=("$(time_agentcompliance "$work/suite5" --step-timeout 60)")
  echo "repetition $i/$reps: agentcompliance ${ac5[-1]} ms, cucumber-js ${cj5[-1]} ms, agentcompliance 1-step ${ac1[-1]} ms, with step timeout ${act[-1]} ms" >&2
done
m_ac5=$(printf '%s\n' "${ac5[@]}" | median)
m_cj5=$(printf '%s\n' "${cj5[@]}" | median)
m_ac1=$(printf '%s\n' "${ac1[@]}" | median)
m_act=$(printf '%s\n' "${act[@]}" | median)
steps=$((scenarios * 4))
echo "| suite | tool | median wall time (ms, n=$reps) |"
echo "|---|---|---|"
echo "| $scenarios scenarios x 5 steps | agentcompliance run | $m_ac5 |"
echo "| $scenarios scenarios x 5 steps | cucumber-js 12.8.3 | $m_cj5 |"
echo "| $scenarios scenarios x 1 step | agentcompliance run | $m_ac1 |"
echo "| $scenarios scenarios x 5 steps | agentcompliance run --step-timeout 60 | $m_act |"
awk -v a="$m_ac5" -v c="$m_cj5" -v one="$m_ac1" -v t="$m_act" -v n="$steps" 'BEGIN {
  printf "ratio agentcompliance / cucumber-js: %.2f\n", a / c;
  printf "ratio agentcompliance --step-timeout / cucumber-js: %.2f\n", t / c;
  printf "per-step engine overhead: %.1f us\n", (a - one) * 1000 / n }'
