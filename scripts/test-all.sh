#!/usr/bin/env bash
# One command: set up (chromium included) and run every test of every workspace, then print
# a plain "N passed, N failed" line summed from the vitest JSON reports.
set -uo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 WRANGLER_SEND_METRICS=false
bash scripts/setup.sh --browser || exit 1
rm -rf packages/*/test-results apps/*/test-results tooling/*/test-results
lint_status=0
echo "› pnpm lint"; pnpm lint || lint_status=1
echo "› pnpm format:check"; pnpm format:check || lint_status=1
pnpm exec turbo run build check test --concurrency=1 --force --continue --output-logs=new-only
status=$?
[ $lint_status -eq 0 ] || status=1
node scripts/summarise-tests.mjs
summary=$?
[ $status -eq 0 ] && [ $summary -eq 0 ]
