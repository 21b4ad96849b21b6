#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, idempotently and
# quickly when everything is already there. Each concern has its own script
# in scripts/provision/; this runs them in order. Needs root for apt-get
# (CI and the dev machines run as root); tools built from source go to
# .cache/tools so nothing is installed into the project's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
for script in scripts/provision/*.sh; do
  start=$(date +%s)
  bash "$script"
  echo "provision: $(basename "$script" .sh) ready in $(( $(date +%s) - start ))s" >&2
done
