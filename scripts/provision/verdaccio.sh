#!/usr/bin/env bash
# verdaccio, the npm registry the release test publishes into
# (test/release/), into .cache/tools/verdaccio, outside the project's
# dependencies. Pinned to 6.8.0: 6.10 needs Node 22 and this machine runs 20.
# Idempotent and instant when that version is present.
#
#   bash scripts/provision/verdaccio.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name verdaccio
VERSION="6.8.0"
PREFIX="$ROOT/.cache/tools/verdaccio"
MANIFEST="$PREFIX/node_modules/verdaccio/package.json"

installed_version() {
  if [ -f "$MANIFEST" ]; then node -p "require(process.argv[1]).version" "$MANIFEST"; fi
}

if [ "$(installed_version)" = "$VERSION" ] && [ -x "$PREFIX/node_modules/.bin/verdaccio" ]; then
  log "verdaccio $VERSION present ($PREFIX)"
  exit 0
fi

log "installing verdaccio@$VERSION into $PREFIX"
# Installed beside the final folder and renamed into place, so a test starting
# meanwhile never sees half an install. Its own package.json keeps npm from
# walking up into the project's workspaces.
stage="$(mktemp -d "$ROOT/.cache/tools/.verdaccio-install.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
echo '{"private": true}' >"$stage/package.json"
npm install --prefix "$stage" --no-audit --no-fund --save-exact --loglevel=error "verdaccio@$VERSION" >/dev/null
rm -rf "$PREFIX"
mv "$stage" "$PREFIX"
trap - EXIT
log "verdaccio $VERSION installed ($PREFIX/node_modules/.bin/verdaccio)"
