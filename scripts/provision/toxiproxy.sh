#!/usr/bin/env bash
# Provision toxiproxy's server (Shopify's fault proxy, MIT) into
# <repo>/.cache/tools/bin/toxiproxy-server: data-pull's fault tests put it
# between the client and versitygw to cut connections mid-transfer.
# Idempotent: returns at once when the pinned version is already there.
set -euo pipefail

TOXIPROXY_VERSION="${TOXIPROXY_VERSION:-v2.5.0}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin_dir="${repo_root}/.cache/tools/bin"
bin="${bin_dir}/toxiproxy-server"
stamp="${bin_dir}/.toxiproxy.version"

if [[ -x "$bin" && -f "$stamp" && "$(cat "$stamp")" == "$TOXIPROXY_VERSION" ]]; then
  echo "toxiproxy: ${bin} is already ${TOXIPROXY_VERSION}; nothing to do"
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "toxiproxy: Go is required (go install github.com/Shopify/toxiproxy/v2/cmd/server@${TOXIPROXY_VERSION})" >&2; exit 1; }

mkdir -p "$bin_dir"
stage="$(mktemp -d "${bin_dir}/.toxiproxy-build.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
start=$(date +%s)
GOBIN="$stage" GOFLAGS="${GOFLAGS:-} -buildvcs=false" \
  go install "github.com/Shopify/toxiproxy/v2/cmd/server@${TOXIPROXY_VERSION}"
mv -f "$stage/server" "$bin"
echo "$TOXIPROXY_VERSION" > "$stamp"
echo "toxiproxy: installed ${bin} (${TOXIPROXY_VERSION}) in $(( $(date +%s) - start ))s"
