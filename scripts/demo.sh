#!/usr/bin/env bash
# Brings up the whole product: database, build, seeded demo site and operators, server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run --silent build
source scripts/ferretdb.sh
if [ -z "${MONGODB_URI:-}" ]; then
  trap baton_db_stop EXIT
  baton_db_start "$BATON_ROOT/.data/demo"
fi
export MONGODB_DB="${MONGODB_DB:-baton_demo}"
export PORT="${PORT:-3000}"
npx tsx scripts/seed-demo.ts
base="http://localhost:$PORT"
cat <<MSG

  Baton is starting.
    Demo site (visitor widget): $base/demo
    Operator inbox:             $base/inbox
    Health:                     $base/healthz
    Demo login:                 demo@baton.test / baton-demo   (admin; a second operator: sam@baton.test / baton-demo)
  Stop with Ctrl+C.

MSG
npx tsx server/main.ts
