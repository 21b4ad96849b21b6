#!/usr/bin/env bash
# Provision versitygw (Apache-2.0 S3 gateway; the S3 server data-pull and
# promote-model tests run on 127.0.0.1 with a POSIX backend) into
# <repo>/.cache/tools/bin/versitygw. Idempotent: returns at once when the
# pinned version is already there.
#
#   bash scripts/provision/versitygw.sh
#   VERSITYGW_VERSION=v1.8.0 bash scripts/provision/versitygw.sh
set -euo pipefail

VERSITYGW_VERSION="${VERSITYGW_VERSION:-v1.8.0}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin_dir="${repo_root}/.cache/tools/bin"
bin="${bin_dir}/versitygw"
stamp="${bin_dir}/.versitygw.version"

if [[ -x "$bin" && -f "$stamp" && "$(cat "$stamp")" == "$VERSITYGW_VERSION" ]]; then
  echo "versitygw: ${bin} is already ${VERSITYGW_VERSION}; nothing to do"
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "versitygw: Go is required (go install github.com/versity/versitygw/cmd/versitygw@${VERSITYGW_VERSION})" >&2; exit 1; }

mkdir -p "$bin_dir"
# Build into a scratch GOBIN and rename into place, so a test running
# meanwhile never sees a half-written binary.
stage="$(mktemp -d "${bin_dir}/.versitygw-build.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
start=$(date +%s)
GOBIN="$stage" GOFLAGS="${GOFLAGS:-} -buildvcs=false" \
  go install "github.com/versity/versitygw/cmd/versitygw@${VERSITYGW_VERSION}"
mv -f "$stage/versitygw" "$bin"
echo "$VERSITYGW_VERSION" > "$stamp"
echo "versitygw: installed ${bin} (${VERSITYGW_VERSION}) in $(( $(date +%s) - start ))s"
