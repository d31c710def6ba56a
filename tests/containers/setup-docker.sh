#!/usr/bin/env bash
# Makes Docker usable for the container tests on a fresh Debian machine, idempotently and quietly:
#   1. installs docker.io and mmdebstrap with apt-get when missing (as root, or through sudo);
#   2. starts dockerd in the background (log: $DOCKERD_LOG) when /var/run/docker.sock does not answer, and waits for it;
#   3. builds the base image agentcompliance/base:bookworm (Debian minbase + ca-certificates, libicu72, libssl3) with
#      mmdebstrap when `docker image inspect` does not find it. No registry is needed: images are built locally on it.
# Prints nothing when everything is in place; one line per thing it does; one clear line and exit 3 on failure.
set -euo pipefail

BASE_IMAGE=${AGENTCOMPLIANCE_BASE_IMAGE:-agentcompliance/base:bookworm}
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/agentcompliance-dockerd.log}
SOCKET=/var/run/docker.sock

log() { printf '[setup-docker] %s\n' "$*" >&2; }
fail() { printf '[setup-docker] error: %s\n' "$*" >&2; exit 3; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "root is needed to $* (run as root or install sudo)"
  fi
}

# Debian's daemon speaks API 1.41; newer clients negotiate down to it.
export DOCKER_API_VERSION=${DOCKER_API_VERSION:-1.41}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v mmdebstrap >/dev/null 2>&1 || missing+=(mmdebstrap)
  [ ${#missing[@]} -eq 0 ] && return
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found: install ${missing[*]} yourself"
  log "apt-get install ${missing[*]}"
  # Another job may hold the dpkg lock (e.g. a parallel setup); wait for it instead of failing.
  as_root apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null || fail "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null 2>&1 || fail "apt-get install ${missing[*]} failed"
}

daemon_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

start_daemon() {
  daemon_answers && return
  # A daemon another job started may still be coming up: give it a moment before starting a second one.
  if command -v pgrep >/dev/null 2>&1 && pgrep -x dockerd >/dev/null 2>&1; then
    wait_for_daemon 60 && return
    fail "dockerd is running but $SOCKET does not answer (see $DOCKERD_LOG)"
  fi
  log "starting dockerd (log: $DOCKERD_LOG)"
  as_root sh -c "nohup dockerd >>'$DOCKERD_LOG' 2>&1 </dev/null &"
  wait_for_daemon 60 || fail "dockerd did not answer on $SOCKET within 60 s; last log lines: $(tail -n 3 "$DOCKERD_LOG" 2>/dev/null | tr '\n' ' ')"
}

wait_for_daemon() {
  local seconds=$1 i
  for ((i = 0; i < seconds * 4; i++)); do
    daemon_answers && return 0
    sleep 0.25
  done
  return 1
}

build_base_image() {
  docker image inspect "$BASE_IMAGE" >/dev/null 2>&1 && return
  log "building $BASE_IMAGE with mmdebstrap"
  work=$(mktemp -d)
  trap 'as_root rm -rf "$work"' EXIT
  as_root mmdebstrap --quiet --variant=minbase --include=ca-certificates,libicu72,libssl3 bookworm "$work/rootfs.tar" \
    >"$work/mmdebstrap.log" 2>&1 || fail "mmdebstrap failed: $(tail -n 3 "$work/mmdebstrap.log" | tr '\n' ' ')"
  docker import --change 'LABEL org.agentcompliance.base=true' "$work/rootfs.tar" "$BASE_IMAGE" >/dev/null \
    || fail "docker import of $BASE_IMAGE failed"
}

install_packages
start_daemon
build_base_image
