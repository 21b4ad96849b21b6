#!/usr/bin/env bash
# Provisions what the Jenkins shim tests need (test/jenkins/):
#   - Debian's `groovy` (2.4.x) to run the shared library's vars under a harness;
#   - npm-groovy-lint (CodeNarc inside; runs on the system Java) in
#     .cache/tools/npm-groovy-lint, outside the project's dependencies.
# Idempotent and quick when both are present. Works as root on Debian bookworm.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# 16.x is the newest line whose engines field still accepts Node 20 (17+ needs 22).
LINT_VERSION="16.2.0"
LINT_PREFIX="$ROOT/.cache/tools/npm-groovy-lint"
LINT_BIN="$LINT_PREFIX/node_modules/.bin/npm-groovy-lint"

log() { echo "provision/groovy: $*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- groovy -----------------------------------------------------------------
if command -v groovy >/dev/null 2>&1; then
  log "groovy present ($(command -v groovy))"
else
  log "installing groovy with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ! as_root apt-get install -y -q --no-install-recommends groovy >/dev/null 2>&1; then
    log "install failed without a package list; running apt-get update first"
    as_root apt-get update -q >/dev/null
    as_root apt-get install -y -q --no-install-recommends groovy >/dev/null
  fi
  log "groovy installed ($(command -v groovy))"
fi

# --- npm-groovy-lint ----------------------------------------------------------
installed_version=""
if [ -f "$LINT_PREFIX/node_modules/npm-groovy-lint/package.json" ]; then
  installed_version="$(node -p "require('$LINT_PREFIX/node_modules/npm-groovy-lint/package.json').version")"
fi
if [ -x "$LINT_BIN" ] && [ "$installed_version" = "$LINT_VERSION" ]; then
  log "npm-groovy-lint $LINT_VERSION present ($LINT_BIN)"
else
  log "installing npm-groovy-lint@$LINT_VERSION into $LINT_PREFIX"
  mkdir -p "$LINT_PREFIX"
  # Its own package.json keeps npm from walking up into the project's workspaces.
  [ -f "$LINT_PREFIX/package.json" ] || echo '{"private": true}' > "$LINT_PREFIX/package.json"
  npm install --prefix "$LINT_PREFIX" --no-audit --no-fund --save-exact --loglevel=error \
    "npm-groovy-lint@$LINT_VERSION" >/dev/null
  log "npm-groovy-lint $LINT_VERSION installed ($LINT_BIN)"
fi
