#!/usr/bin/env bash
# One command: set up, build, and serve the API (PORT_API, default 8787) and the site (PORT_WEB, default 3000)
# on localhost from the data embedded in peel-data. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 WRANGLER_SEND_METRICS=false
bash scripts/setup.sh
pnpm exec turbo run build --output-logs=errors-only
PORT_API=${PORT_API:-8787}
PORT_WEB=${PORT_WEB:-3000}
PORT=$PORT_API node apps/api/dist/node.js &
api=$!
PORT=$PORT_WEB node apps/web/build/index.js &
web=$!
trap 'kill $api $web 2>/dev/null || true' EXIT INT TERM
echo "API:  http://localhost:$PORT_API/v1/forces   (docs: http://localhost:$PORT_API/docs)"
echo "Site: http://localhost:$PORT_WEB/"
wait -n $api $web
