#!/usr/bin/env bash
# Runs a command with EMBEDDINGS_URL set: the given one, or a local embeddings service
# (scripts/embeddings.sh) stopped afterwards. The service's messages go to stderr only,
# so the command's stdout stays its own.
set -euo pipefail
source "$(dirname "$0")/embeddings.sh"
if [ -z "${EMBEDDINGS_URL:-}" ]; then
  trap 'baton_embeddings_stop' EXIT
  baton_embeddings_start
fi
"$@"
