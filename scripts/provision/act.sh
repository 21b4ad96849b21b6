#!/usr/bin/env bash
# Provision nektos/act (the GitHub Actions runner our integration tests use in
# host mode) into <repo>/.cache/tools/bin/act. Idempotent: when the binary is
# already there and reports the pinned version, this returns immediately.
#
#   bash scripts/provision/act.sh           # install if missing or wrong version
#   ACT_VERSION=v0.2.89 bash scripts/provision/act.sh
#
# Needs Go (the Go module proxy must be reachable for a cold build).
set -euo pipefail

ACT_VERSION="${ACT_VERSION:-v0.2.89}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin_dir="${repo_root}/.cache/tools/bin"
act_bin="${bin_dir}/act"
want="${ACT_VERSION#v}"

installed_version() {
  # `act --version` prints "act version 0.2.89".
  [[ -x "$act_bin" ]] || return 1
  "$act_bin" --version 2>/dev/null | awk '{print $NF}'
}

if have="$(installed_version)" && [[ "$have" == "$want" ]]; then
  echo "act: ${act_bin} is already version ${have}; nothing to do"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "act: Go is required to build act (go install github.com/nektos/act@${ACT_VERSION})" >&2
  exit 1
fi

if [[ -n "${have:-}" ]]; then
  echo "act: ${act_bin} reports version ${have}, want ${want}; rebuilding"
else
  echo "act: not found at ${act_bin}; building github.com/nektos/act@${ACT_VERSION}"
fi

mkdir -p "$bin_dir"
# Build into a scratch GOBIN and move the binary into place in one rename, so a
# test running meanwhile never sees a half-written act (and `go install` never
# meets an old non-Go file it refuses to overwrite).
stage="$(mktemp -d "${bin_dir}/.act-build.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
start=$(date +%s)
# -buildvcs=false: the module is built from the module cache, not a checkout.
GOBIN="$stage" GOFLAGS="${GOFLAGS:-} -buildvcs=false" \
  go install "github.com/nektos/act@${ACT_VERSION}"
mv -f "$stage/act" "$act_bin"
elapsed=$(( $(date +%s) - start ))

have="$(installed_version || true)"
if [[ "$have" != "$want" ]]; then
  echo "act: built ${act_bin} but it reports version '${have}', expected ${want}" >&2
  exit 1
fi
echo "act: installed ${act_bin} (version ${have}) in ${elapsed}s"
