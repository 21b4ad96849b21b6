#!/usr/bin/env bash
# versitygw (Apache-2.0 S3 gateway; the S3 server data-pull and promote-model
# tests run on 127.0.0.1 with a POSIX backend) into .cache/tools/bin/versitygw.
#
#   VERSITYGW_VERSION=v1.8.0 bash scripts/provision/versitygw.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name versitygw
go_tool versitygw github.com/versity/versitygw/cmd/versitygw "${VERSITYGW_VERSION:-v1.8.0}"
