#!/usr/bin/env bash
# Provisions what the GitLab CI/CD tests need (test/gitlab/): gitlab-ci-local
# itself is a devDependency (node_modules), run on Node 24 (node24.sh; it needs
# Node 22 or newer), and it copies the project with rsync before every run, so
# this installs Debian's rsync. Idempotent and quick when present.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name gitlab-ci-local

apt_install --no-recommends rsync
log "rsync present ($(command -v rsync))"
