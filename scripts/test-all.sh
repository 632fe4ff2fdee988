#!/usr/bin/env bash
# npm test: every check, cheapest first, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "typecheck"; npm run --silent typecheck
step "format"; npm run --silent format:check
step "lint"; npm run --silent lint
step "unit tests"; npm run --silent test:unit
step "integration tests"; npm run --silent test:integration

# Playwright drives Debian's Chromium; its own browser download is impossible offline.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    step "installing Chromium (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "End-to-end tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install -y chromium'." >&2
    exit 1
  fi
fi
step "end-to-end tests"; npm run --silent test:e2e
