#!/usr/bin/env bash
# Runs a command with MONGODB_URI set: the given one, or a fresh local FerretDB on a
# fresh PostgreSQL cluster, both in .data/test-<pid> (apart from the demo's), removed afterwards.
set -euo pipefail
source "$(dirname "$0")/ferretdb.sh"
if [ -z "${MONGODB_URI:-}" ]; then
  data_dir="$BATON_ROOT/.data/test-$$"
  trap 'baton_db_stop; rm -rf "$data_dir"' EXIT
  baton_db_start "$data_dir" --fresh
fi
"$@"
