#!/usr/bin/env bash
# Apache Airflow for test/airflow/, which runs examples/iris/airflow/mlops_ci_dag.py
# with `airflow dags test`: a venv of its own, .cache/airflow-venv, holding
# exactly what scripts/provision/airflow-requirements.txt pins. Not the test
# venv: Airflow pins a few hundred packages that must not meet DVC's and MLflow's.
#
# uv (from the test venv, so python-venv.sh runs first) installs it: the pins
# took 4 s with no cache here, pip 29 s; the whole script 23 s cold on a busy
# 2-core machine, most of it Airflow's first import. The venv is built in a staging
# folder as a relocatable one (its entry scripts find their python beside
# themselves, not by the staging path), checked, then renamed into place, so a
# test never meets half a venv. Does nothing when the pins and the python3 they
# were installed for (its exact version) are what is there. The pins were
# resolved for one CPython minor version (the pins file's header says which):
# another python3 is refused, as its wheels would not be the ones pinned.
#
#   bash scripts/provision/airflow.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name airflow
VENV="$ROOT/.cache/airflow-venv"
PINS="$ROOT/scripts/provision/airflow-requirements.txt"
UV="$ROOT/.cache/venv/bin/uv"
STAMP=.requirements.sha256

mkdir -p "$ROOT/.cache"
# One install at a time, when two jobs provision at once.
exec 9>"$ROOT/.cache/airflow-venv.lock"
flock 9

# `uv pip compile --python-version X.Y` in the pins' header: the Python they fit.
pinned_for=$(sed -n 's/.*--python-version \([0-9][0-9.]*\).*/\1/p' "$PINS" | head -n 1)
[ -n "$pinned_for" ] || die "$PINS names no --python-version in its header: cannot tell which python3 its pins fit"
# The interpreter itself, not a shim (pyenv's) that could pick another one later.
python=$(python3 -c 'import sys; print(sys.executable)') || die "python3 is required: CPython $pinned_for, which the pins in $PINS fit"
implementation=$("$python" -c 'import platform; print(platform.python_implementation(), platform.python_version())')
[[ "$implementation" == "CPython $pinned_for."* ]] ||
  die "python3 is $implementation ($python), but the pins in $PINS fit CPython $pinned_for: put a CPython $pinned_for first on PATH as python3"
version=$("$python" -V 2>&1)

want=$({ cat "$PINS"; echo "$version"; } | sha256sum | cut -d' ' -f1)
if [ -x "$VENV/bin/airflow" ] && [ "$(cat "$VENV/$STAMP" 2>/dev/null)" = "$want" ]; then
  log "up to date ($VENV)"
  exit 0
fi
[ -x "$UV" ] || die "uv is missing ($UV): run scripts/provision/python-venv.sh first"

start=$(date +%s)
stage="$(mktemp -d "$ROOT/.cache/.airflow-venv.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
log "installing $(grep -c '^[a-z]' "$PINS") pinned packages (apache-airflow $(sed -n 's/^apache-airflow==//p' "$PINS")) into $VENV"
"$UV" venv --quiet --relocatable --python "$python" "$stage/venv"
# --no-deps: the pins are the whole set. provision.sh --cold asks for no caches (PIP_NO_CACHE_DIR).
VIRTUAL_ENV="$stage/venv" "$UV" pip install --quiet --no-deps ${PIP_NO_CACHE_DIR:+--no-cache} -r "$PINS"
# Proves the install imports; AIRFLOW_HOME inside the stage, as the CLI creates it on first use.
AIRFLOW_HOME="$stage/home" "$stage/venv/bin/airflow" version >/dev/null
echo "$want" >"$stage/venv/$STAMP"
if [ -e "$VENV" ]; then mv "$VENV" "$stage/old"; fi
mv "$stage/venv" "$VENV"
log "apache-airflow $("$VENV/bin/python" -c 'import airflow; print(airflow.__version__)') ready in $(($(date +%s) - start))s ($VENV)"
