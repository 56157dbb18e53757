#!/usr/bin/env bash
# The whole test line: install what is missing, type check, lint, build and size
# budget, unit tests, then integration and end-to-end tests on one fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
echo "== type check" && npx tsc --noEmit
echo "== lint and format" && npx biome check .
echo "== build" && npm run --silent build
echo "== widget size" && npx tsx scripts/widget-size.ts
echo "== unit" && npx vitest run --project unit
echo "== integration + end-to-end"
bash scripts/with-db.sh bash -c 'npx tsx scripts/judgement/warm-cache.ts && npx vitest run --project integration && npx playwright test'
