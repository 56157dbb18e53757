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
  # Per checkout, not /tmp: a shared path would mix runs and users (and may not be writable).
  local install_log="$BATON_ROOT/.tools/ferretdb-install.log"
  echo "Installing FerretDB $FERRETDB_VERSION into .tools/bin (one time; log: $install_log)..." >&2
  if GOBIN="$BATON_ROOT/.tools/bin" go install "github.com/FerretDB/FerretDB/cmd/ferretdb@$FERRETDB_VERSION" 2>"$install_log" \
    && "$FERRETDB_BIN" --version >/dev/null 2>&1; then
    return 0
  fi
  # `go install` fails here in two known ways: the Go proxy answers 403 for the
  # module's version list (needed for its deprecation check), and a binary built
  # outside FerretDB's own tooling panics because build/version/version.txt is not
  # in the module zip. So fetch the exact module, add version.txt, and build it.
  echo "go install did not give a working binary ($(tail -n 1 "$install_log")); building from the module source instead" >&2
  local src tmp
  src="$(cd /tmp && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  tmp="$(mktemp -d)"
  cp -r "$src/." "$tmp/"
  chmod -R u+w "$tmp"
  echo "$FERRETDB_VERSION" > "$tmp/build/version/version.txt"
  if ! (cd "$tmp" && go build -o "$FERRETDB_BIN" ./cmd/ferretdb) 2>>"$install_log"; then
    rm -rf "$tmp"
    echo "error: building FerretDB $FERRETDB_VERSION failed; the end of $install_log:" >&2
    tail -n 20 "$install_log" >&2
    exit 1
  fi
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

# Prints the end of FerretDB's log: the callers' EXIT trap removes the data
# directory, so a path to the log would point at nothing.
baton_db_log_tail() {
  echo "--- last lines of $1/ferretdb.log ---" >&2
  tail -n 30 "$1/ferretdb.log" >&2 || true
  echo "---" >&2
}

# Starts FerretDB on a free port; returns 0 when it answers, 2 when another
# process took the port between baton_free_port and FerretDB binding it.
# Runs in an `if`, so errexit is off: every failure is checked explicitly.
baton_db_try_start() {
  local data_dir="$1" port i
  port="$(baton_free_port)" || { echo "error: could not find a free port (node failed)" >&2; exit 1; }
  "$FERRETDB_BIN" --handler=sqlite --sqlite-url="file:$data_dir/" --state-dir="$data_dir" \
    --listen-addr="127.0.0.1:$port" --debug-addr=- --telemetry=disable --log-level=WARN \
    >"$data_dir/ferretdb.log" 2>&1 &
  BATON_DB_PID=$!
  export BATON_DB_PID
  export MONGODB_URI="mongodb://127.0.0.1:$port/"
  for i in $(seq 1 100); do
    if node "$BATON_ROOT/scripts/db-ping.mjs" "$MONGODB_URI" 2>/dev/null; then
      # A ping can be answered by whoever took the port first; only count it
      # when our FerretDB is still running (it exits at once if it cannot bind).
      if kill -0 "$BATON_DB_PID" 2>/dev/null && ! grep -q 'address already in use' "$data_dir/ferretdb.log"; then
        echo "FerretDB $FERRETDB_VERSION answering ping at $MONGODB_URI (data: $data_dir)" >&2
        return 0
      fi
    fi
    if ! kill -0 "$BATON_DB_PID" 2>/dev/null; then
      wait "$BATON_DB_PID" 2>/dev/null || true
      if grep -q 'address already in use' "$data_dir/ferretdb.log"; then
        echo "port $port was taken before FerretDB could bind it; trying another" >&2
        return 2
      fi
      echo "error: FerretDB exited at start." >&2
      baton_db_log_tail "$data_dir"
      exit 1
    fi
    sleep 0.2
  done
  echo "error: FerretDB did not answer ping at $MONGODB_URI within 20 s." >&2
  baton_db_log_tail "$data_dir"
  exit 1
}

# baton_db_start DATA_DIR [--fresh]: starts FerretDB and exports MONGODB_URI.
baton_db_start() {
  local data_dir="$1" fresh="${2:-}" attempt
  baton_ferretdb_install
  if [ "$fresh" = "--fresh" ]; then rm -rf "$data_dir"; fi
  mkdir -p "$data_dir"
  for attempt in 1 2 3; do
    if baton_db_try_start "$data_dir"; then return 0; fi
  done
  echo "error: FerretDB lost its port to another process three times; is something grabbing ports on 127.0.0.1?" >&2
  baton_db_log_tail "$data_dir"
  exit 1
}

baton_db_stop() {
  if [ -n "${BATON_DB_PID:-}" ] && kill -0 "$BATON_DB_PID" 2>/dev/null; then
    kill -TERM "$BATON_DB_PID" 2>/dev/null || true
    wait "$BATON_DB_PID" 2>/dev/null || true
  fi
}
