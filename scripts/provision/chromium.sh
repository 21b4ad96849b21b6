#!/usr/bin/env bash
# Headless Chromium from Debian, for the report-rendering test
# (test/evaluate-and-gate/report-rendering.test.ts), which renders the gate's
# markdown the way GitHub shows it and saves PNGs. Debian's browser, not one
# downloaded by puppeteer: it is updated with the system and needs no network
# at test time.
#
# Fonts decide what the PNGs show and how wide text is:
#   - fonts-noto-color-emoji: the report's ✅ ❌ ⏭️ (otherwise empty boxes);
#   - fonts-liberation: metric-compatible with Arial/Helvetica, which GitHub's
#     font stack falls back to, so line widths (and the overflow check) are close
#     to what a browser on a desktop shows;
#   - fonts-dejavu-core: the monospace font of code spans and the wide-coverage
#     fallback for symbols such as ▲ ▼ Δ ±.
# Without recommends: they would pull a desktop (upower, notification daemon,
# printer settings) that a headless browser never uses.
# On GitHub's Ubuntu runners (the project's ci.yml) Ubuntu's `chromium` is only
# a stub for a snap, and the runner image already ships Google Chrome: there the
# test uses that browser (test/support/render/browser.ts looks for both).
# Idempotent; instant when everything is installed.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provision_name chromium
if ! grep -q '^ID=debian$' /etc/os-release && command -v google-chrome >/dev/null 2>&1; then
  browser=google-chrome
else
  browser=chromium
  apt_install --no-recommends chromium
fi
apt_install --no-recommends fonts-noto-color-emoji fonts-liberation fonts-dejavu-core
log "ready ($("$browser" --version 2>/dev/null || echo "$browser: version unknown"))"
