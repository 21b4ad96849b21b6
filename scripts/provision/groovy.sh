#!/usr/bin/env bash
# Provisions what the Jenkins shim tests need (test/jenkins/):
#   - Debian's `groovy` (2.4.x) to run the shared library's vars under a harness;
#   - npm-groovy-lint (CodeNarc inside; runs on the system Java) in
#     .cache/tools/npm-groovy-lint, outside the project's dependencies.
# Idempotent and quick when both are present. Works as root on Debian bookworm.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name groovy
# 16.x is the newest line whose engines field still accepts Node 20 (17+ needs 22).
LINT_VERSION="16.2.0"
LINT_PREFIX="$ROOT/.cache/tools/npm-groovy-lint"
LINT_BIN="$LINT_PREFIX/node_modules/.bin/npm-groovy-lint"

apt_install --no-recommends groovy
log "groovy present ($(command -v groovy))"

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
