#!/usr/bin/env bash
# Builds the agentcompliance container image on the local base image:
#   1. publishes the CLI self-contained for linux-x64 into CONTEXT/bin (ReadyToRun, no .NET runtime needed in the image);
#   2. stages the bundled control library (features/), the report templates and the demo's samples beside it;
#   3. runs docker build with the Dockerfile next to this script, without network access.
# Usage: build-image.sh [--context DIR] [TAG...]
#   --context DIR  staging folder, emptied first (default: artifacts/image, which git ignores)
#   TAG...         image tags (default: agentcompliance:local and agentcompliance:VERSION)
# Environment: CONFIGURATION (default Release), VERSION (default: the CLI project's Version),
#   AGENTCOMPLIANCE_BASE_IMAGE (default agentcompliance/base:bookworm, built by tests/containers/setup-docker.sh).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
project="$root/src/AgentCompliance.Cli/AgentCompliance.Cli.csproj"
context="$root/artifacts/image"
base_image=${AGENTCOMPLIANCE_BASE_IMAGE:-agentcompliance/base:bookworm}
configuration=${CONFIGURATION:-Release}

log() { printf '[build-image] %s\n' "$*" >&2; }
fail() { printf '[build-image] error: %s\n' "$*" >&2; exit 3; }

tags=()
while [ $# -gt 0 ]; do
  case "$1" in
    --context) [ $# -ge 2 ] || fail "--context needs a folder"; context=$2; shift 2 ;;
    -*) fail "unknown option $1 (usage: build-image.sh [--context DIR] [TAG...])" ;;
    *) tags+=("$1"); shift ;;
  esac
done

command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK 10 is required (dotnet not found on PATH)"
command -v docker >/dev/null 2>&1 || fail "docker is required (bash tests/containers/setup-docker.sh installs and starts it)"
docker image inspect "$base_image" >/dev/null 2>&1 || fail "base image $base_image not found (bash tests/containers/setup-docker.sh builds it)"

version=${VERSION:-$(dotnet msbuild "$project" -getProperty:Version -nologo)}
[ ${#tags[@]} -gt 0 ] || tags=(agentcompliance:local "agentcompliance:$version")

# A fresh context each time: a file left over from an earlier build must not end up in the image.
rm -rf "$context"
mkdir -p "$context/samples/reference-platform"
log "dotnet publish (linux-x64, self-contained, $configuration) into $context/bin"
dotnet publish "$project" -c "$configuration" -r linux-x64 --self-contained -o "$context/bin" -nologo -v quiet >&2

cp -R "$root/features" "$root/templates" "$context/"
cp -R "$root/samples/agents" "$root/samples/catalogs" "$root/samples/profiles" "$root/samples/system-models" "$context/samples/"
cp -R "$root/samples/reference-platform/pins" "$context/samples/reference-platform/"

# The image these tags named before, removed below once nothing else names it, so rebuilds leave no dangling images.
previous=$(docker image inspect --format '{{.Id}}' "${tags[0]}" 2>/dev/null || true)

tag_arguments=()
for tag in "${tags[@]}"; do tag_arguments+=(--tag "$tag"); done
log "docker build ${tags[*]} (version $version, on $base_image)"
docker build --quiet --network none --force-rm \
  --build-arg "BASE_IMAGE=$base_image" --build-arg "VERSION=$version" \
  "${tag_arguments[@]}" --file "$here/Dockerfile" "$context" >/dev/null
if [ -n "$previous" ] && [ "$(docker image inspect --format '{{.Id}}' "${tags[0]}")" != "$previous" ] \
  && [ "$(docker image inspect --format '{{len .RepoTags}}' "$previous" 2>/dev/null)" = "0" ]; then
  docker image rm "$previous" >/dev/null 2>&1 || true
fi
log "built ${tags[*]}"
