#!/usr/bin/env bash
# Everything a release needs, in one command: build the packages, then pack, lint (publint, attw), install the
# tarballs in a temporary folder and run the examples (Node, chromium, workerd), the README code and the changeset checks.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TURBO_TELEMETRY_DISABLED=1 WRANGLER_SEND_METRICS=false
bash scripts/release/changeset-status.sh
pnpm exec turbo run test --filter=@peel/release --output-logs=new-only
