#!/usr/bin/env bash
# Compares two snapshots written by snapshot-outputs.mjs. API answers must match byte for byte. Pages are compared
# with the build's content hashes masked (JavaScript chunk names and the CSP hash of the inline start-up script
# change whenever any site code changes), so a difference shown is a difference in what the page says.
# Usage: bash scripts/dev/compare-outputs.sh <before-dir> <after-dir>
set -uo pipefail
before=${1:?usage: compare-outputs.sh <before-dir> <after-dir>}
after=${2:?usage: compare-outputs.sh <before-dir> <after-dir>}
status=0
if ! diff -rq "$before/api" "$after/api"; then status=1; fi
mask() {
  sed -E -e 's#(_app/immutable/[a-z]+/)[^"]*\.(js|css)#\1HASH.\2#g' -e 's#sha256-[A-Za-z0-9+/=]{44}#sha256-HASH#g' \
    -e 's#__sveltekit_[a-z0-9]+#__sveltekit_HASH#g' "$1"
}
while IFS= read -r -d '' page; do
  relative=${page#"$before/web/"}
  if [ ! -f "$after/web/$relative" ]; then echo "only in $before: web/$relative"; status=1; continue; fi
  if ! cmp -s <(mask "$page") <(mask "$after/web/$relative"); then echo "differs: web/$relative"; status=1; fi
done < <(find "$before/web" -type f \( -name '*.html' -o -name '*.json' -o -name '*.csv' -o -name '*.md' \) -print0)
while IFS= read -r -d '' page; do
  relative=${page#"$after/web/"}
  [ -f "$before/web/$relative" ] || { echo "only in $after: web/$relative"; status=1; }
done < <(find "$after/web" -type f \( -name '*.html' -o -name '*.json' -o -name '*.csv' -o -name '*.md' \) -print0)
[ $status -eq 0 ] && echo "identical (API byte for byte; pages with build hashes masked)"
exit $status
