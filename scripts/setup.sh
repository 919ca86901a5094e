#!/usr/bin/env bash
# Installs everything peel needs on a fresh Debian machine that has only Node 20 and npm.
# Usage: bash scripts/setup.sh [--browser]   (--browser also installs Debian's chromium for browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then echo "peel needs Node.js 20 or newer (found $(node --version))" >&2; exit 1; fi

# pnpm refuses to switch versions itself here (no registry signatures), so install the pinned one.
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm@$PNPM_VERSION"
  npm i -g "pnpm@$PNPM_VERSION" >/dev/null
fi

echo "› pnpm install"
if [ "${CI:-}" = "true" ]; then pnpm install --frozen-lockfile; else pnpm install; fi

if [ "${1:-}" = "--browser" ] && ! [ -x /usr/bin/chromium ]; then
  # Browsers cannot be downloaded by test tools on these machines: use Debian's chromium.
  echo "› installing Debian chromium"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
