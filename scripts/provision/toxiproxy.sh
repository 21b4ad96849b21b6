#!/usr/bin/env bash
# toxiproxy's server (Shopify's fault proxy, MIT) into
# .cache/tools/bin/toxiproxy-server: data-pull's fault tests put it between
# the client and versitygw to cut connections mid-transfer.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name toxiproxy
go_tool toxiproxy-server github.com/Shopify/toxiproxy/v2/cmd/server "${TOXIPROXY_VERSION:-v2.5.0}"
