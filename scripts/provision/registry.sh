#!/usr/bin/env bash
# The CNCF Distribution registry (Apache-2.0, the OCI registry behind Docker
# Hub) into .cache/tools/bin/registry: train-in-container's push tests run it
# on 127.0.0.1 with a temp storage folder, and pull back what they pushed.
#
#   REGISTRY_VERSION=v3.1.2 bash scripts/provision/registry.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name registry
go_tool registry github.com/distribution/distribution/v3/cmd/registry "${REGISTRY_VERSION:-v3.1.2}"
