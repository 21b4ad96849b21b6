#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, idempotently and
# quickly when everything is already there. Each concern has its own script
# in scripts/provision/ (sharing scripts/provision/lib.sh); this runs them in
# order. Needs root for apt-get (CI and the dev machines run as root; elsewhere
# sudo). Tools built from source go to .cache/tools, so nothing is installed
# into the project's dependencies.
#
#   bash scripts/provision.sh          # what is missing
#   bash scripts/provision.sh --cold   # from nothing, on a used machine
#
# --cold proves the path a fresh machine takes, which a used one never runs:
# it moves every cache aside — .cache (tools, test venv, rootfs tarball), the
# image mlops-ci-python:bookworm in docker and podman — and gives Go, pip and
# npm empty caches of their own, then provisions. On success what was moved
# aside is deleted; on failure it is put back, so the machine is as before.
# Debian packages stay installed (removing docker.io would stop dockerd).
set -euo pipefail
cd "$(dirname "$0")/.."

CONCERNS=(shellcheck node24 act versitygw fake-gcs-server toxiproxy lfs registry kubernetes python-venv airflow groovy verdaccio gitlab-ci-local docker chromium)
IMAGE="mlops-ci-python:bookworm"

provision_all() {
  local concern start
  for concern in "${CONCERNS[@]}"; do
    start=$(date +%s)
    # Explicit: --cold calls this inside an `if`, where `set -e` does not stop a failed concern.
    bash "scripts/provision/$concern.sh" || { echo "provision: $concern failed" >&2; return 1; }
    echo "provision: $concern ready in $(($(date +%s) - start))s" >&2
  done
}

# --- cold mode ------------------------------------------------------------------
aside=""

image_aside_tag() { echo "mlops-ci-python:cold-aside-$$"; }

move_caches_aside() {
  aside=$(mktemp -d "$PWD/.cache-aside.XXXXXX")
  echo "provision --cold: moving .cache, the image $IMAGE and the Go, pip and npm caches aside" >&2
  if [ -e .cache ]; then mv .cache "$aside/cache"; fi
  mkdir -p "$aside/go-build" "$aside/go-mod" "$aside/npm"
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    docker tag "$IMAGE" "$(image_aside_tag)" && docker rmi "$IMAGE" >/dev/null
  fi
  if command -v podman >/dev/null 2>&1 && podman image exists "$IMAGE" 2>/dev/null; then
    podman tag "$IMAGE" "$(image_aside_tag)" && podman untag "$IMAGE" >/dev/null
  fi
  # Empty caches for the builders, inside the aside folder so they go with it.
  export GOCACHE="$aside/go-build" GOMODCACHE="$aside/go-mod" npm_config_cache="$aside/npm" PIP_NO_CACHE_DIR=1
}

# Success: the fresh provisioning stays and the old caches go.
drop_aside() {
  docker rmi "$(image_aside_tag)" >/dev/null 2>&1 || true
  podman untag "$(image_aside_tag)" >/dev/null 2>&1 || true
  # Go's module cache is read-only on purpose; make it removable first.
  chmod -R u+w "$aside" 2>/dev/null || true
  rm -rf "$aside"
}

# Failure: put everything back as it was, and say so.
restore_aside() {
  echo "provision --cold: failed; putting the previous caches back" >&2
  rm -rf .cache
  if [ -e "$aside/cache" ]; then mv "$aside/cache" .cache; fi
  if docker image inspect "$(image_aside_tag)" >/dev/null 2>&1; then
    docker tag "$(image_aside_tag)" "$IMAGE" && docker rmi "$(image_aside_tag)" >/dev/null
  fi
  if command -v podman >/dev/null 2>&1 && podman image exists "$(image_aside_tag)" 2>/dev/null; then
    podman tag "$(image_aside_tag)" "$IMAGE" && podman untag "$(image_aside_tag)" >/dev/null
  fi
  chmod -R u+w "$aside" 2>/dev/null || true
  rm -rf "$aside"
}

case "${1:-}" in
  "") provision_all ;;
  --cold)
    start=$(date +%s)
    move_caches_aside
    if (provision_all); then
      drop_aside
      echo "provision --cold: provisioned from nothing in $(($(date +%s) - start))s" >&2
    else
      restore_aside
      exit 1
    fi
    ;;
  *) echo "usage: bash scripts/provision.sh [--cold]" >&2; exit 2 ;;
esac
