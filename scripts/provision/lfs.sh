#!/usr/bin/env bash
# Git LFS for data-pull's `lfs` tests (test/data-pull/lfs*.test.ts):
#   - Debian's git-lfs, the real client that writes the pointers and pushes
#     the objects the tests pull, and whose `git lfs pull` the result is
#     compared with (data-pull itself needs only git);
#   - lfstest-gitserver, git-lfs's own test server (git smart HTTP plus the
#     LFS batch API and object storage, on 127.0.0.1) into
#     .cache/tools/bin/lfstest-gitserver.
#
# The server is one file of the git-lfs module (t/cmd/lfstest-gitserver.go,
# standard library only, behind the `testtools` build tag) in a folder of
# several `main` packages, so `go install pkg@version` cannot build it: the
# module is fetched from the Go module proxy and that one file is built.
#
#   GIT_LFS_VERSION=v3.7.0 bash scripts/provision/lfs.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name lfs

apt_install --no-recommends git-lfs
log "git-lfs present ($(git lfs version))"

version="${GIT_LFS_VERSION:-v3.7.0}"
bin="$TOOLS_BIN/lfstest-gitserver" stamp="$TOOLS_BIN/.lfstest-gitserver.version"
if [ -x "$bin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ]; then
  log "$bin is already $version"
  exit 0
fi
command -v go >/dev/null 2>&1 || die "Go is required to build lfstest-gitserver (github.com/git-lfs/git-lfs/v3@$version)"
mkdir -p "$TOOLS_BIN"
start=$(date +%s)
# Outside any module, so the download is not recorded in a go.mod.
module_dir="$(cd / && GOFLAGS=-mod=mod go mod download -json "github.com/git-lfs/git-lfs/v3@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
source_file="$module_dir/t/cmd/lfstest-gitserver.go"
[ -f "$source_file" ] || die "no $source_file in github.com/git-lfs/git-lfs/v3@$version"
stage="$(mktemp -d "$TOOLS_BIN/.lfstest-gitserver-build.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
# A file outside a module builds in GOPATH-less "command-line-arguments" mode; it imports only the standard library.
if ! (cd "$stage" && GOFLAGS=-buildvcs=false go build -tags testtools -o "$stage/lfstest-gitserver" "$source_file"); then
  die "building lfstest-gitserver from github.com/git-lfs/git-lfs/v3@$version failed"
fi
mv -f "$stage/lfstest-gitserver" "$bin"
echo "$version" >"$stamp"
log "installed $bin ($version) in $(($(date +%s) - start))s"
