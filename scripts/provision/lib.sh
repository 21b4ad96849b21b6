# shellcheck shell=bash
# What every provisioning script shares, sourced (never run) by each:
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   provision_name docker             # prefixes this script's log lines
#   apt_install docker.io podman      # installs what is missing, updating the lists once if needed
#   go_tool versitygw github.com/versity/versitygw/cmd/versitygw v1.8.0
#
# Paths: ROOT is the checkout, TOOLS_BIN (.cache/tools/bin) holds the tools
# built from source, so nothing is installed into the project's dependencies.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_BIN="$ROOT/.cache/tools/bin"
PROVISION_NAME=provision

provision_name() { PROVISION_NAME="provision/$1"; }
log() { echo "$PROVISION_NAME: $*"; }
die() { echo "$PROVISION_NAME: $*" >&2; exit 1; }

# Root for apt-get, dockerd and debootstrap: CI and the dev machines are root;
# a GitHub-hosted runner is not, and has passwordless sudo.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# apt_install [--no-recommends] PACKAGE...: installs the packages that are not
# installed yet. A fresh machine's package lists may be missing or stale, so a
# failed install is retried once after `apt-get update`.
apt_install() {
  local options=() missing=() package
  if [ "${1:-}" = --no-recommends ]; then options+=(--no-install-recommends); shift; fi
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} with apt-get"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${options[@]}" "${missing[@]}" >/dev/null 2>&1; then
    log "apt-get install failed; updating the package lists and retrying"
    as_root apt-get update -q >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${options[@]}" "${missing[@]}" >/dev/null
  fi
}

# go_tool NAME PACKAGE VERSION: builds the Go command PACKAGE@VERSION into
# $TOOLS_BIN/NAME, unless that exact version is already there (a stamp file
# beside the binary records it). The binary is built into a scratch GOBIN and
# renamed into place, so a test running meanwhile never sees a half-written
# file, and `go install` never meets an old binary it refuses to overwrite.
go_tool() {
  local name=$1 package=$2 version=$3
  local bin="$TOOLS_BIN/$name" stamp="$TOOLS_BIN/.$name.version"
  if [ -x "$bin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ]; then
    log "$bin is already $version"
    return 0
  fi
  command -v go >/dev/null 2>&1 || die "Go is required to build $name (go install $package@$version)"
  mkdir -p "$TOOLS_BIN"
  log "building $package@$version"
  local stage start
  stage="$(mktemp -d "$TOOLS_BIN/.$name-build.XXXXXX")"
  start=$(date +%s)
  # -buildvcs=false: the module is built from the module cache, not a checkout.
  if ! GOBIN="$stage" GOFLAGS="${GOFLAGS:-} -buildvcs=false" go install "$package@$version"; then
    rm -rf "$stage"
    die "go install $package@$version failed"
  fi
  mv -f "$stage/${package##*/}" "$bin"
  rm -rf "$stage"
  echo "$version" >"$stamp"
  log "installed $bin ($version) in $(($(date +%s) - start))s"
}
