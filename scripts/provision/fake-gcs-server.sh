#!/usr/bin/env bash
# fake-gcs-server (BSD-2-Clause; a Google Cloud Storage emulator speaking the
# JSON and XML APIs, the server the gs:// data-pull and promote-model tests run
# on 127.0.0.1) into .cache/tools/bin/fake-gcs-server.
#
#   FAKE_GCS_SERVER_VERSION=v1.56.1 bash scripts/provision/fake-gcs-server.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name fake-gcs-server
go_tool fake-gcs-server github.com/fsouza/fake-gcs-server "${FAKE_GCS_SERVER_VERSION:-v1.56.1}"
