#!/usr/bin/env bash
# Brings up the whole product: database, build, seeded demo site and operators, server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run --silent build
source scripts/ferretdb.sh
source scripts/embeddings.sh
own_db=""
server_pid=""
demo_stop() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  # Only the database this script started: a MONGODB_URI from outside is not ours to stop.
  if [ -n "$own_db" ]; then baton_db_stop; fi
  baton_embeddings_stop
}
trap demo_stop EXIT
trap 'exit 130' INT TERM
if [ -z "${MONGODB_URI:-}" ]; then
  own_db=1
  baton_db_start "$BATON_ROOT/.data/demo"
fi
baton_embeddings_start
export MONGODB_DB="${MONGODB_DB:-baton_demo}"
export PORT="${PORT:-3000}"
npx tsx scripts/seed-demo.ts
# One process (no npx or tsx launcher in between), so server_pid is the server itself.
node --import tsx server/main.ts &
server_pid=$!
case "${HOST:-0.0.0.0}" in 0.0.0.0 | ::) probe_host=127.0.0.1 ;; *) probe_host="$HOST" ;; esac
health="http://$probe_host:$PORT/healthz"
# The links are printed only once the server answers: a link that fails on first click is worse than a short wait.
healthy=""
deadline=$((SECONDS + 60))
while [ "$SECONDS" -lt "$deadline" ]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    status=0
    wait "$server_pid" || status=$?
    server_pid=""
    echo "error: the server stopped before it answered $health (exit $status); see the line above." >&2
    exit 1
  fi
  if node -e "fetch(process.argv[1], { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))" "$health"; then
    healthy=1
    break
  fi
  sleep 0.2
done
if [ -z "$healthy" ]; then
  echo "error: the server did not answer $health with 200 within 60 s; check its log above." >&2
  exit 1
fi
base="http://localhost:$PORT"
cat <<MSG

  Baton is running.
    Demo site (visitor widget): $base/demo
    Operator inbox:             $base/inbox
    Health:                     $base/healthz
    Database:                   $MONGODB_URI  (MONGODB_DB=$MONGODB_DB)
    Embeddings:                 $EMBEDDINGS_URL${EMBEDDINGS_MODEL:+ ($EMBEDDINGS_MODEL)}
    Demo login:                 demo@baton.test / baton-demo   (admin; a second operator: sam@baton.test / baton-demo)
  Stop with Ctrl+C.

MSG
status=0
wait "$server_pid" || status=$?
server_pid=""
exit "$status"
