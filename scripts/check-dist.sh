#!/usr/bin/env bash
# dist/ must be exactly what src/ builds to (the runner executes dist/, not src/).
# Rebuilds every bundle and fails on any difference with the dist/ that was there before.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
[ -d dist ] && cp -a dist/. "$before/"
node scripts/build.mjs >/dev/null
if ! diff -r -q "$before" dist >/dev/null; then
  echo "check-dist: dist/ was not what src/ builds to. It has been rebuilt; commit dist/." >&2
  diff -r -q "$before" dist >&2 || true
  exit 1
fi
if [ -d .git ] && [ -n "$(git status --porcelain --untracked-files=all dist 2>/dev/null)" ] && [ "${CI:-}" = "true" ]; then
  echo "check-dist: dist/ differs from the committed bundles:" >&2
  git status --porcelain dist >&2
  exit 1
fi
echo "check-dist: dist/ matches src/"
