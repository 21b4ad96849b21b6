#!/usr/bin/env bash
# The container engines train-in-container is tested with: Debian's docker.io
# (dockerd started in the background when none answers), podman, and the
# Python image the tests train in, mlops-ci-python:bookworm.
#
# No image registry is reachable here, so the image is built from a Debian
# rootfs (debootstrap minbase with python3, scikit-learn and pandas, from the
# Debian mirror apt already uses) and `docker import`ed. The rootfs tarball is
# kept in .cache/docker, so a machine whose docker lost the image re-imports
# it in seconds instead of bootstrapping again (~2 min).
# Idempotent: when the engine answers and the tag exists this takes ~1 s.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name docker
CACHE="$ROOT/.cache/docker"
IMAGE="mlops-ci-python:bookworm"
TARBALL="$CACHE/python-bookworm.tar.gz"

# catatonit is podman's --init binary; Debian's podman only recommends it.
install_packages() { apt_install docker.io debootstrap podman catatonit; }

# dockerd runs in the background for the rest of the machine's life (tests and
# the bench share it). Default settings work in this VM (overlay2 on ext4,
# iptables, cgroup v1 with cgroupfs); there is no systemd to start it.
start_dockerd() {
  docker info >/dev/null 2>&1 && return 0
  mkdir -p "$CACHE"
  log "no docker engine answers: starting dockerd (log: $CACHE/dockerd.log)"
  as_root nohup dockerd >"$CACHE/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && { log "dockerd is up"; return 0; }
    sleep 1
  done
  log "dockerd did not answer within 60 s; its log ends with:"
  tail -20 "$CACHE/dockerd.log" >&2
  die "dockerd did not start"
}

# The Debian mirror this machine's apt uses (deb822 or one-line sources).
debian_mirror() {
  local uri
  uri=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
    | grep -vE 'security|updates' | grep -oE 'https?://[^ ]+/debian/?' | head -1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# A subshell, so the EXIT trap that removes the scratch rootfs fires once, when
# this function ends (a RETURN trap would outlive it and fire again later).
build_rootfs_tarball() (
  local mirror stage
  mirror=$(debian_mirror)
  stage=$(mktemp -d "$CACHE/rootfs.XXXXXX")
  trap 'as_root rm -rf "$stage"' EXIT
  log "bootstrapping a bookworm rootfs with python3, scikit-learn, pandas from $mirror (~2 min)"
  as_root debootstrap --variant=minbase --include=python3,python3-sklearn,python3-pandas bookworm "$stage/rootfs" "$mirror" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap.log" >&2; die "debootstrap failed (log: $CACHE/debootstrap.log)"; }
  # Downloaded packages and lists are not part of the image.
  as_root sh -c 'rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' sh "$stage/rootfs"
  as_root tar --numeric-owner -C "$stage/rootfs" -c . | gzip -1 >"$stage/rootfs.tar.gz"
  # Renamed into place whole, so an interrupted run never leaves a truncated tarball to import.
  mv "$stage/rootfs.tar.gz" "$TARBALL"
)

import_image() {
  docker image inspect "$IMAGE" >/dev/null 2>&1 && return 0
  mkdir -p "$CACHE"
  [ -s "$TARBALL" ] || build_rootfs_tarball
  log "importing $IMAGE from $TARBALL"
  docker import - "$IMAGE" <"$TARBALL" >/dev/null
}

# Podman in this VM: runc may not raise RLIMIT_NOFILE/NPROC to podman's defaults
# ("error setting rlimit type 7: operation not permitted"), so the tests point
# CONTAINERS_CONF at a file with limits this machine allows. Podman keeps its own
# image store: the same tarball is imported there too (~30 s once).
podman_ready() {
  local conf="$CACHE/podman-containers.conf" nofile
  nofile=$(ulimit -Hn)
  [ "$nofile" = unlimited ] && nofile=65536
  [ "$nofile" -gt 65536 ] && nofile=65536
  printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=32768:32768"]\n' "$nofile" "$nofile" >"$conf"
  CONTAINERS_CONF="$conf" podman image exists "$IMAGE" && return 0
  log "importing $IMAGE into podman"
  if [ -s "$TARBALL" ]; then
    CONTAINERS_CONF="$conf" podman import "$TARBALL" "$IMAGE" >/dev/null
  else
    # A checkout whose docker already has the image but no rootfs tarball (a fresh clone): copy it across.
    docker save "$IMAGE" | CONTAINERS_CONF="$conf" podman load >/dev/null
  fi
}

mkdir -p "$CACHE"
install_packages
start_dockerd
import_image
podman_ready
log "ready: $(docker version --format 'docker {{.Server.Version}}'), $IMAGE $(docker image inspect --format '{{.Id}}' "$IMAGE" | cut -c1-19)"
