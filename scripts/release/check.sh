#!/usr/bin/env bash
# Everything a release needs, in one command (pnpm release:check): build the packages, then pack, lint (publint, attw),
# install the tarballs in a temporary folder and run the examples (Node, chromium, workerd), the README code and the
# changeset checks. The changeset status of the working tree is fatal in CI, a warning on a developer's machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TURBO_TELEMETRY_DISABLED=1 WRANGLER_SEND_METRICS=false
if ! bash scripts/release/changeset-status.sh; then
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "(warning only outside CI)" >&2
fi
pnpm exec turbo run test --filter=@peel/release --output-logs=new-only
