#!/usr/bin/env bash
# Runs a command with MONGODB_URI set: the given one, or a fresh local FerretDB on a
# fresh PostgreSQL cluster, both in .data/test-<pid> (apart from the demo's), removed afterwards;
# and with EMBEDDINGS_URL set: the given one, or a local embeddings service (scripts/embeddings.sh).
set -euo pipefail
source "$(dirname "$0")/ferretdb.sh"
source "$(dirname "$0")/embeddings.sh"
trap 'baton_embeddings_stop' EXIT
if [ -z "${MONGODB_URI:-}" ]; then
  data_dir="$BATON_ROOT/.data/test-$$"
  trap 'baton_embeddings_stop; baton_db_stop; rm -rf "$data_dir"' EXIT
  baton_db_start "$data_dir" --fresh
fi
baton_embeddings_start
"$@"
