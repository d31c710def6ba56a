#!/usr/bin/env bash
# One entry point for people and CI.
#   ./build.sh demo    run the main job on the bundled demo and write reports/ (needs only the .NET SDK)
#   ./build.sh test    install and start what the tests need (idempotent), then run every test
#   ./build.sh bench   run the benchmarks and print medians and ratios
#   ./build.sh image   build the container image agentcompliance:local (and agentcompliance:VERSION) on the local base
#                      image: the CLI published self-contained plus the bundled library (src/AgentCompliance.Cli/container)
# Everything the tests need is installed here, so a fresh machine of the project's kind needs nothing by hand.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export REQNROLL_TELEMETRY_ENABLED=0
CONFIGURATION=${CONFIGURATION:-Release}

log() { printf '[build.sh] %s\n' "$*" >&2; }

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { log "the .NET SDK 10 is required (dotnet not found on PATH)"; exit 3; }
}

build_solution() {
  require_dotnet
  log "restore and build ($CONFIGURATION)"
  dotnet build AgentCompliance.sln -c "$CONFIGURATION" -warnaserror -nologo -v quiet
}

# The main job on the bundled demo: the reference agent platform started in process (weak by default; pass
# --configuration hardened for the other one), the whole bundled control library against it, the demo's system model
# and weak sample agent. Report-only, so the weak spots show up as failed controls without failing the command.
cmd_demo() {
  require_dotnet
  dotnet run --project src/AgentCompliance.Cli -c "$CONFIGURATION" -- demo --out reports/demo "$@"
}

# The real third-party servers the tests probe (oidc-provider, Cerbos, the MCP reference server), from npm.
install_test_servers() {
  command -v npm >/dev/null 2>&1 || { log "Node.js 20+ and npm are required for the test servers"; exit 3; }
  if [ ! -f tests/servers/node_modules/.package-lock.json ] || [ tests/servers/package-lock.json -nt tests/servers/node_modules/.package-lock.json ]; then
    log "npm ci (tests/servers)"
    npm ci --prefix tests/servers --no-audit --no-fund --loglevel=error
  fi
}

# Headless Chromium opens the HTML report in the report tests (Debian package; installed only when missing).
install_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    return
  fi
  command -v apt-get >/dev/null 2>&1 || { log "chromium is required for the HTML report tests (install the 'chromium' package)"; exit 3; }
  log "apt-get install chromium"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}

cmd_test() {
  install_test_servers
  install_chromium
  bash tests/containers/setup-docker.sh
  build_solution
  log "dotnet format --verify-no-changes"
  dotnet format AgentCompliance.sln --verify-no-changes --no-restore -v quiet
  log "run all tests"
  mkdir -p TestResults
  local rc=0
  dotnet test AgentCompliance.sln -c "$CONFIGURATION" --no-build --nologo \
    --logger "console;verbosity=normal" --logger "trx" --results-directory TestResults "$@" \
    | tee TestResults/console.log || rc=$?
  summarize_trx
  return "$rc"
}

# Print one plain 'N passed, N failed, N skipped' line summed over every test project's TRX counters
# (skipped = total - executed; failed counts errors, time-outs and aborts too).
summarize_trx() {
  local passed=0 failed=0 skipped=0 counters value
  counter() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  for trx in TestResults/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    passed=$((passed + $(counter passed)))
    failed=$((failed + $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted)))
    value=$(( $(counter total) - $(counter executed) ))
    skipped=$((skipped + value))
  done
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
}

cmd_bench() {
  require_dotnet
  for script in tests/Benchmarks/*/run.sh; do
    [ -f "$script" ] || continue
    log "benchmark $script"
    bash "$script"
  done
}

# The tool's container image; Docker and the base image are set up first (idempotent, as for the tests).
cmd_image() {
  require_dotnet
  bash tests/containers/setup-docker.sh
  CONFIGURATION="$CONFIGURATION" bash src/AgentCompliance.Cli/container/build-image.sh "$@"
}

case "${1:-}" in
  demo) shift; cmd_demo "$@" ;;
  test) shift; rm -f TestResults/*.trx; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  image) shift; cmd_image "$@" ;;
  *) echo "usage: ./build.sh demo|test|bench|image" >&2; exit 2 ;;
esac
