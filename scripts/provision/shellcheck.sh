#!/usr/bin/env bash
# The ShellCheck linter (a Debian package): the test command lints every shell script of
# the project with it, so a broken cold path in provisioning shows up as a
# finding, not first on a fresh machine.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name shellcheck
apt_install shellcheck
log "ready ($(shellcheck --version | sed -n 's/^version: //p'))"
