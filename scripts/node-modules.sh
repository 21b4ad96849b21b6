#!/usr/bin/env bash
# Installs exactly what package-lock.json pins (npm ci) when node_modules is
# missing or was installed from another lockfile, so `npm test` is the one
# command a fresh clone needs. A stamp of the lockfile's hash inside
# node_modules says which lockfile the folder holds; it is written only after
# npm ci succeeded, so an interrupted install is redone.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.mlops-ci-lockfile.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
echo "node-modules: installing what package-lock.json pins (npm ci)" >&2
start=$(date +%s)
npm ci --no-audit --no-fund >&2
echo "$want" > "$stamp"
echo "node-modules: ready in $(($(date +%s) - start))s" >&2
