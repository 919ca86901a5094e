#!/usr/bin/env bash
# CI check: fails when a published package (peel-data, peel-metrics) changed since the base branch without a changeset.
# Usage: bash scripts/release/changeset-status.sh [base-ref]   (default: $PEEL_BASE_REF, else main)
set -euo pipefail
cd "$(dirname "$0")/../.."
base="${1:-${PEEL_BASE_REF:-main}}"
if ! pnpm exec changeset status --since="$base"; then
  message="A published package changed without a changeset. Run 'pnpm changeset', pick the package(s), "
  message+="and commit the file it writes."
  echo "$message" >&2
  exit 1
fi
