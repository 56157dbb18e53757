#!/usr/bin/env bash
# Runs a command with MONGODB_URI set: the given one, or a fresh local FerretDB
# whose data lives in .data/test (apart from the demo's) and is wiped each run.
set -euo pipefail
source "$(dirname "$0")/ferretdb.sh"
if [ -z "${MONGODB_URI:-}" ]; then
  trap baton_db_stop EXIT
  baton_db_start "$BATON_ROOT/.data/test" --fresh
fi
"$@"
