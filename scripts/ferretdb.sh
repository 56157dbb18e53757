#!/usr/bin/env bash
# Provides a local MongoDB-compatible server (FerretDB 1.24.2, SQLite backend) for
# runs without MONGODB_URI. Source it, then call `baton_db_start DATA_DIR`; the
# server is stopped by `baton_db_stop` (the callers trap EXIT for that).
set -euo pipefail

BATON_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FERRETDB_VERSION="v1.24.2"
FERRETDB_BIN="$BATON_ROOT/.tools/bin/ferretdb"

baton_ferretdb_install() {
  if [ -x "$FERRETDB_BIN" ] && [[ "$("$FERRETDB_BIN" --version 2>/dev/null)" == *"$FERRETDB_VERSION"* ]]; then
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    echo "error: MONGODB_URI is not set and Go is not installed." >&2
    echo "  Either set MONGODB_URI to a MongoDB 6.0+ / Atlas / FerretDB connection string," >&2
    echo "  or install Go 1.22+ (https://go.dev/dl/ or 'apt-get install golang') so this script can build FerretDB $FERRETDB_VERSION." >&2
    exit 1
  fi
  mkdir -p "$BATON_ROOT/.tools/bin"
  echo "Installing FerretDB $FERRETDB_VERSION into .tools/bin (one time)..." >&2
  if GOBIN="$BATON_ROOT/.tools/bin" go install "github.com/FerretDB/FerretDB/cmd/ferretdb@$FERRETDB_VERSION" 2>/tmp/baton-ferretdb-install.log \
    && "$FERRETDB_BIN" --version >/dev/null 2>&1; then
    return 0
  fi
  # `go install` fails here in two known ways: the Go proxy answers 403 for the
  # module's version list (needed for its deprecation check), and a binary built
  # outside FerretDB's own tooling panics because build/version/version.txt is not
  # in the module zip. So fetch the exact module, add version.txt, and build it.
  echo "go install did not give a working binary ($(tail -n 1 /tmp/baton-ferretdb-install.log)); building from the module source instead" >&2
  local src tmp
  src="$(cd /tmp && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  tmp="$(mktemp -d)"
  cp -r "$src/." "$tmp/"
  chmod -R u+w "$tmp"
  echo "$FERRETDB_VERSION" > "$tmp/build/version/version.txt"
  (cd "$tmp" && go build -o "$FERRETDB_BIN" ./cmd/ferretdb)
  rm -rf "$tmp"
  # No `| head` here: under pipefail, head closing the pipe early kills the
  # binary with SIGPIPE (exit 141) and fails the whole run.
  local version
  version="$("$FERRETDB_BIN" --version)"
  echo "${version%%$'\n'*}" >&2
}

baton_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# baton_db_start DATA_DIR [--fresh]: starts FerretDB and exports MONGODB_URI.
baton_db_start() {
  local data_dir="$1" fresh="${2:-}"
  baton_ferretdb_install
  if [ "$fresh" = "--fresh" ]; then rm -rf "$data_dir"; fi
  mkdir -p "$data_dir"
  local port
  port="$(baton_free_port)"
  "$FERRETDB_BIN" --handler=sqlite --sqlite-url="file:$data_dir/" --state-dir="$data_dir" \
    --listen-addr="127.0.0.1:$port" --debug-addr=- --telemetry=disable --log-level=WARN \
    >"$data_dir/ferretdb.log" 2>&1 &
  BATON_DB_PID=$!
  export BATON_DB_PID
  export MONGODB_URI="mongodb://127.0.0.1:$port/"
  local i
  for i in $(seq 1 100); do
    if node "$BATON_ROOT/scripts/db-ping.mjs" "$MONGODB_URI" 2>/dev/null; then
      echo "FerretDB $FERRETDB_VERSION answering ping at $MONGODB_URI (data: $data_dir)" >&2
      return 0
    fi
    if ! kill -0 "$BATON_DB_PID" 2>/dev/null; then
      echo "error: FerretDB exited at start; its log:" >&2
      cat "$data_dir/ferretdb.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "error: FerretDB did not answer ping within 20 s; see $data_dir/ferretdb.log" >&2
  exit 1
}

baton_db_stop() {
  if [ -n "${BATON_DB_PID:-}" ] && kill -0 "$BATON_DB_PID" 2>/dev/null; then
    kill -TERM "$BATON_DB_PID" 2>/dev/null || true
    wait "$BATON_DB_PID" 2>/dev/null || true
  fi
}
