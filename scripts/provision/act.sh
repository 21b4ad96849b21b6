#!/usr/bin/env bash
# nektos/act, the GitHub Actions runner the integration tests use in host mode,
# into .cache/tools/bin/act. Needs Go and the Go module proxy for a cold build.
#
#   bash scripts/provision/act.sh
#   ACT_VERSION=v0.2.89 bash scripts/provision/act.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name act
go_tool act github.com/nektos/act "${ACT_VERSION:-v0.2.89}"
