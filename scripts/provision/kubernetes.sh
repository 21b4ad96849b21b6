#!/usr/bin/env bash
# A real Kubernetes control plane for train-in-container's `runtime:
# kubernetes` tests: kube-apiserver, kube-controller-manager (the Job
# controller), kube-scheduler (without it no pod is bound to a node) and
# kubectl from k8s.io/kubernetes, etcd, and kwok playing the nodes. All are
# built from source through the Go module proxy into one versioned folder,
# .cache/tools/kubernetes/k8s-<v>-etcd-<v>-kwok-<v>/, with the kwok CRDs and
# stage files the test cluster applies. The folder is staged beside its final
# name and renamed into place only when every binary built, so a half-built
# one is never taken for a whole one.
#
# Cold this is the longest provisioning step (about 9 minutes on 2 cores, the
# control plane is one `go build` so shared packages compile once); with Go's
# build cache it is a link of under 20 s, and with the folder in place nothing.
#
#   bash scripts/provision/kubernetes.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name kubernetes

MODULES="$ROOT/scripts/provision/kubernetes"
# shellcheck source=kubernetes/versions.env
source "$MODULES/versions.env"
# The wrapper modules pin the same versions in their go.mod: a version changed
# in one place only would build one thing and name the folder after another.
pinned() { grep -Eq "^[[:space:]]*$2 $3( |\$)" "$MODULES/$1/go.mod" || die "$MODULES/$1/go.mod does not require $2 $3 as versions.env says: change them together"; }
pinned control-plane k8s.io/kubernetes "$K8S_VERSION"
pinned etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION"
DEST="$ROOT/.cache/tools/kubernetes/k8s-$K8S_VERSION-etcd-$ETCD_VERSION-kwok-$KWOK_VERSION"
BINARIES=(kube-apiserver kube-controller-manager kube-scheduler kubectl etcd kwok)
# What kwok needs beside its binary: the CRDs for pod logs (kwok watches them
# but does not install them), and its stages for nodes and pods.
KWOK_FILES=(
  crd/bases/kwok.x-k8s.io_logs.yaml
  crd/bases/kwok.x-k8s.io_clusterlogs.yaml
  stage/node/fast/node-initialize.yaml
  stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml
  stage/pod/fast/pod-ready.yaml
  stage/pod/fast/pod-delete.yaml
)

complete() {
  local name
  for name in "${BINARIES[@]}"; do [ -x "$DEST/bin/$name" ] || return 1; done
  for name in "${KWOK_FILES[@]}"; do [ -f "$DEST/kwok/$(basename "$name")" ] || return 1; done
}

if complete; then
  log "$DEST is complete"
  exit 0
fi
command -v go >/dev/null 2>&1 || die "Go is required to build the Kubernetes control plane"
apt_install openssl # the test cluster makes its certificates per run

mkdir -p "$(dirname "$DEST")"
stage="$(mktemp -d "$DEST.stage.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/bin" "$stage/kwok"

# Without a version the binaries report v0.0.0, which clients warn about;
# these are the variables Kubernetes' own release build sets.
minor=$(echo "$K8S_VERSION" | cut -d. -f2)
ldflags="-s -w"
for package in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags="$ldflags -X $package.gitVersion=$K8S_VERSION -X $package.gitMajor=1 -X $package.gitMinor=$minor -X $package.gitTreeState=clean"
done

start=$(date +%s)
log "building kube-apiserver, kube-controller-manager, kube-scheduler and kubectl $K8S_VERSION (about 9 minutes cold; under 20 s with Go's build cache)"
(cd "$MODULES/control-plane" && go build -ldflags "$ldflags" -o "$stage/bin/" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl) || die "building the control plane failed"
log "control plane built in $(($(date +%s) - start))s; building etcd $ETCD_VERSION"
(cd "$MODULES/etcd" && go build -ldflags "-s -w" -o "$stage/bin/etcd" go.etcd.io/etcd/server/v3) || die "building etcd failed"
log "building kwok $KWOK_VERSION"
GOBIN="$stage/bin" go install -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION" || die "go install kwok failed"

kwok_module=$(go mod download -json "sigs.k8s.io/kwok@$KWOK_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$kwok_module" ] || die "could not find the sigs.k8s.io/kwok@$KWOK_VERSION module"
for name in "${KWOK_FILES[@]}"; do
  cp "$kwok_module/kustomize/$name" "$stage/kwok/"
done
chmod -R u+w "$stage/kwok" # the module cache is read-only, the copies need not be

rm -rf "$DEST"
mv "$stage" "$DEST"
trap - EXIT
log "installed $DEST in $(($(date +%s) - start))s"
