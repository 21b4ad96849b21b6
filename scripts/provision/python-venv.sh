#!/usr/bin/env bash
# The test venv (.cache/venv): the Python side of the real services — DVC
# writes the remotes data-pull reads, MLflow is the registry promote-model
# talks to, pip/pipenv/poetry/uv build the envs setup-env makes. Each step
# lists its pinned packages in scripts/provision/requirements-<step>.txt; this
# installs them all, and does nothing when none changed since the last run.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name python-venv
VENV="$ROOT/.cache/venv"
shopt -s nullglob
reqs=("$ROOT"/scripts/provision/requirements-*.txt)

if [ ${#reqs[@]} -eq 0 ]; then log "no requirements files: nothing to do"; exit 0; fi
# One pip at a time into the venv, when two jobs provision at once.
mkdir -p "$ROOT/.cache"
exec 9>"$ROOT/.cache/venv.lock"
flock 9
stamp="$VENV/.requirements.sha256"
want=$(cat "${reqs[@]}" | sha256sum | cut -d' ' -f1)
if [ -x "$VENV/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  log "up to date ($VENV)"
  exit 0
fi
[ -x "$VENV/bin/python" ] || { log "creating $VENV"; python3 -m venv "$VENV"; }
args=()
for req in "${reqs[@]}"; do args+=(-r "$req"); done
log "installing ${reqs[*]##*/}"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${args[@]}"
echo "$want" > "$stamp"
log "ready ($VENV)"
