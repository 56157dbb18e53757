#!/usr/bin/env bash
# Provides a local MongoDB-compatible server for runs without MONGODB_URI:
# FerretDB 1.24.2 on its PostgreSQL backend, over a PostgreSQL cluster this
# project owns (in DATA_DIR/pg, on a free loopback port). Source it, then call
# `baton_db_start DATA_DIR [--fresh|--test]`; `baton_db_stop` stops FerretDB, then
# PostgreSQL (the callers trap EXIT for that).
set -euo pipefail

BATON_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FERRETDB_VERSION="v1.24.2"
# BATON_FERRETDB_BIN runs another FerretDB build instead (e.g. an unpatched one, to measure a patch
# beside it in `npm run bench`); nothing is installed then.
FERRETDB_BIN="${BATON_FERRETDB_BIN:-$BATON_ROOT/.tools/bin/ferretdb}"
# FerretDB keeps every MongoDB database of the project as a schema in this one PostgreSQL database.
BATON_PG_DATABASE="ferretdb"

# FerretDB 1.24.2 with the patches in scripts/ferretdb-patches/ (see the README there: today one,
# which lets queries by _id use the _id index). The version the binary prints names the patch level,
# so a checkout whose patches changed builds again.
FERRETDB_PATCH_LEVEL="baton.2"

baton_ferretdb_install() {
  if [ -n "${BATON_FERRETDB_BIN:-}" ]; then
    [ -x "$BATON_FERRETDB_BIN" ] && return 0
    echo "error: BATON_FERRETDB_BIN=$BATON_FERRETDB_BIN is not an executable file." >&2
    exit 1
  fi
  if [ -x "$FERRETDB_BIN" ] && [[ "$("$FERRETDB_BIN" --version 2>/dev/null)" == *"$FERRETDB_VERSION-$FERRETDB_PATCH_LEVEL"* ]]; then
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
  echo "Building FerretDB $FERRETDB_VERSION ($FERRETDB_PATCH_LEVEL) into .tools/bin (one time; log: $install_log)..." >&2
  # The exact module from the Go proxy, then version.txt (not in the module zip; a binary built
  # without it panics) and the project's patches, then an ordinary build.
  local src tmp patch
  if ! src="$(cd /tmp && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" 2>"$install_log" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')" || [ -z "$src" ]; then
    echo "error: could not download FerretDB $FERRETDB_VERSION from the Go module proxy; the end of $install_log:" >&2
    tail -n 20 "$install_log" >&2
    exit 1
  fi
  tmp="$(mktemp -d)"
  cp -r "$src/." "$tmp/"
  chmod -R u+w "$tmp"
  echo "$FERRETDB_VERSION-$FERRETDB_PATCH_LEVEL" > "$tmp/build/version/version.txt"
  for patch in "$BATON_ROOT"/scripts/ferretdb-patches/*.patch; do
    # git apply works outside a repository too, and git is there wherever this checkout is.
    if ! (cd "$tmp" && git apply -p1 "$patch") >>"$install_log" 2>&1; then
      rm -rf "$tmp"
      echo "error: the patch $(basename "$patch") does not apply to FerretDB $FERRETDB_VERSION; the end of $install_log:" >&2
      tail -n 20 "$install_log" >&2
      exit 1
    fi
  done
  # Built beside the binary and renamed over it: a FerretDB still running from the old file keeps it.
  if ! (cd "$tmp" && go build -o "$FERRETDB_BIN.new" ./cmd/ferretdb) 2>>"$install_log"; then
    rm -rf "$tmp"
    echo "error: building FerretDB $FERRETDB_VERSION failed; the end of $install_log:" >&2
    tail -n 20 "$install_log" >&2
    exit 1
  fi
  rm -rf "$tmp"
  mv -f "$FERRETDB_BIN.new" "$FERRETDB_BIN"
  # No `| head` here: under pipefail, head closing the pipe early kills the
  # binary with SIGPIPE (exit 141) and fails the whole run.
  local version
  version="$("$FERRETDB_BIN" --version)"
  echo "${version%%$'\n'*}" >&2
}

# The newest installed server's bin directory (Debian keeps one per major version).
baton_pg_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
    return 0
  fi
  # Other layouts (a source build, another distribution) put them on PATH.
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

baton_pg_install() {
  if BATON_PG_BIN="$(baton_pg_bin_dir)"; then
    export BATON_PG_BIN
    return 0
  fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's postgresql for the local database (one time)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "error: MONGODB_URI is not set and PostgreSQL (initdb, pg_ctl) is not installed." >&2
    echo "  Either set MONGODB_URI to a MongoDB 6.0+ / Atlas / FerretDB connection string," >&2
    echo "  or install PostgreSQL 13+ ('sudo apt-get install postgresql') for the local FerretDB." >&2
    exit 1
  fi
  if ! BATON_PG_BIN="$(baton_pg_bin_dir)"; then
    echo "error: apt-get installed postgresql but no initdb/pg_ctl was found under /usr/lib/postgresql/*/bin." >&2
    exit 1
  fi
  export BATON_PG_BIN
}

# PostgreSQL refuses to run as root, so as root the cluster belongs to, and runs as, the `postgres` user.
baton_pg_as_owner() {
  if [ "$(id -u)" != "0" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    # From /: the postgres user may not be able to enter the caller's folder (PostgreSQL checks it).
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && su postgres -s /bin/sh -c '"$0" "$@"' -- "$@")
  fi
}

# baton_pg_init CLUSTER_DIR MODE: a new cluster in CLUSTER_DIR unless one is there.
baton_pg_init() {
  local cluster="$1" mode="$2"
  if [ -f "$cluster/PG_VERSION" ]; then return 0; fi
  if [ "$(id -u)" = "0" ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "error: running as root, and there is no 'postgres' user to own the local PostgreSQL cluster (initdb refuses root)." >&2
      echo "  Install Debian's postgresql package (it creates that user), or run as an ordinary user." >&2
      exit 1
    fi
    mkdir -p "$cluster"
    chown postgres: "$cluster"
    if ! runuser -u postgres -- test -x "$cluster"; then
      echo "error: the postgres user cannot reach $cluster; every parent folder must be traversable (chmod o+x)." >&2
      exit 1
    fi
  fi
  # Trust, not passwords: the server listens on 127.0.0.1 and on a socket inside the
  # cluster folder only, and holds nothing but this checkout's demo or test data.
  # A throw-away test cluster need not be flushed to disk (--no-sync).
  local sync_flag=""
  if [ "$mode" = "test" ]; then sync_flag="--no-sync"; fi
  if ! baton_pg_as_owner "$BATON_PG_BIN/initdb" -D "$cluster" -U postgres -A trust -E UTF8 --locale=C $sync_flag \
    >"$cluster.initdb.log" 2>&1; then
    echo "error: initdb failed for $cluster:" >&2
    tail -n 20 "$cluster.initdb.log" >&2
    exit 1
  fi
  rm -f "$cluster.initdb.log"
  # FerretDB's pool (pool_max_conns below) plus psql and the superuser reserve fit in
  # max_connections; memory stays small for a 2-core machine (idle pool connections close after a minute).
  {
    echo "# baton: written by scripts/ferretdb.sh"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '.'"
    echo "max_connections = 130"
    echo "shared_buffers = 128MB"
    echo "work_mem = 8MB"
    echo "max_wal_size = 512MB"
    echo "logging_collector = off"
    echo "log_min_messages = warning"
    if [ "$mode" = "test" ]; then
      # Test data is thrown away after the run: losing it to a crash costs nothing,
      # and flushing to disk would only slow the tests.
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    else
      # Demo data is kept across runs: fsync stays on so an OS crash cannot corrupt the
      # cluster; a crash may lose the last fraction of a second of commits, nothing more.
      echo "synchronous_commit = off"
    fi
  } | baton_pg_as_owner tee -a "$cluster/postgresql.conf" >/dev/null
}

baton_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Prints the end of a log: the callers' EXIT trap may remove the data directory,
# so a path to the log would point at nothing.
baton_log_tail() {
  echo "--- last lines of $1 ---" >&2
  tail -n 30 "$1" >&2 || true
  echo "---" >&2
}

# Starts PostgreSQL on a free port; 0 when it accepts connections, 2 when another
# process took the port first. Runs in an `if`, so every failure is checked explicitly.
baton_pg_try_start() {
  local cluster="$1" log="$2" port
  port="$(baton_free_port)" || { echo "error: could not find a free port (node failed)" >&2; exit 1; }
  : >"$log"
  if [ "$(id -u)" = "0" ]; then chown postgres: "$log"; fi
  # -w waits until the server accepts connections (or has failed).
  if baton_pg_as_owner "$BATON_PG_BIN/pg_ctl" -D "$cluster" -l "$log" -o "-p $port" -w -t 60 start >/dev/null 2>>"$log"; then
    BATON_PG_PORT="$port"
    export BATON_PG_PORT
    return 0
  fi
  if grep -q 'Address already in use' "$log"; then
    echo "port $port was taken before PostgreSQL could bind it; trying another" >&2
    return 2
  fi
  echo "error: PostgreSQL did not start." >&2
  baton_log_tail "$log"
  exit 1
}

# baton_pg_cluster_dir DATA_DIR: where the cluster lives. Beside the rest of DATA_DIR when the
# cluster's owner can reach it; as root in a checkout the postgres user cannot traverse (a clone in
# `mktemp -d`, mode 0700), in /var/tmp/baton-pg/<hash of DATA_DIR> instead, same data, same lifetime.
baton_pg_cluster_dir() {
  local data_dir="$1"
  if [ "$(id -u)" != "0" ] || runuser -u postgres -- test -x "$data_dir" 2>/dev/null; then
    echo "$data_dir/pg"
    return 0
  fi
  mkdir -p /var/tmp/baton-pg
  chmod 755 /var/tmp/baton-pg
  echo "/var/tmp/baton-pg/$(printf '%s' "$data_dir" | sha256sum | cut -c1-16)"
}

baton_pg_start() {
  local data_dir="$1" mode="$2" cluster attempt
  baton_pg_install
  cluster="$(baton_pg_cluster_dir "$data_dir")"
  # A fresh (test) cluster outside DATA_DIR is not removed with it: remove it here, and on stop.
  if [ "$mode" = "test" ] && [ "$cluster" != "$data_dir/pg" ]; then
    rm -rf "$cluster" "$cluster.log"
    BATON_PG_THROWAWAY="$cluster"
    export BATON_PG_THROWAWAY
  fi
  baton_pg_init "$cluster" "$mode"
  # A server left running by a killed earlier run holds the cluster: this folder is ours, so stop it.
  if baton_pg_as_owner "$BATON_PG_BIN/pg_ctl" -D "$cluster" status >/dev/null 2>&1; then
    echo "stopping a PostgreSQL left running in $cluster by an earlier run" >&2
    baton_pg_as_owner "$BATON_PG_BIN/pg_ctl" -D "$cluster" -m fast -w stop >/dev/null
  fi
  for attempt in 1 2 3; do
    # The log beside the cluster: its owner writes it.
    if baton_pg_try_start "$cluster" "$cluster.log"; then
      BATON_PG_CLUSTER="$cluster"
      export BATON_PG_CLUSTER
      break
    fi
  done
  if [ -z "${BATON_PG_CLUSTER:-}" ]; then
    echo "error: PostgreSQL lost its port to another process three times; is something grabbing ports on 127.0.0.1?" >&2
    exit 1
  fi
  if ! baton_pg_as_owner "$BATON_PG_BIN/psql" -h "$cluster" -p "$BATON_PG_PORT" -U postgres -d postgres -tAq \
    -c "SELECT 1 FROM pg_database WHERE datname = '$BATON_PG_DATABASE'" | grep -q 1; then
    baton_pg_as_owner "$BATON_PG_BIN/createdb" -h "$cluster" -p "$BATON_PG_PORT" -U postgres "$BATON_PG_DATABASE"
  fi
  # 100 connections, above FerretDB's default 50, on purpose: FerretDB 1.24 can hold a pool
  # connection while it waits for another, so when every connection is taken by such commands it
  # stops answering for good (seen with pool_max_conns=20 and 200 concurrent visitors in
  # `npm run bench`). The pool must exceed the commands in flight (the app's driver pool is 100).
  BATON_PG_URL="postgres://postgres@127.0.0.1:$BATON_PG_PORT/$BATON_PG_DATABASE?pool_max_conns=100&pool_max_conn_idle_time=1m"
  export BATON_PG_URL
}

# Starts FerretDB on a free port; returns 0 when it answers, 2 when another
# process took the port between baton_free_port and FerretDB binding it.
# Runs in an `if`, so errexit is off: every failure is checked explicitly.
baton_db_try_start() {
  local data_dir="$1" port i
  port="$(baton_free_port)" || { echo "error: could not find a free port (node failed)" >&2; exit 1; }
  "$FERRETDB_BIN" --handler=postgresql --postgresql-url="$BATON_PG_URL" --state-dir="$data_dir" \
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
        echo "FerretDB ${BATON_FERRETDB_BIN:-$FERRETDB_VERSION-$FERRETDB_PATCH_LEVEL} (PostgreSQL backend on 127.0.0.1:$BATON_PG_PORT) answering ping at $MONGODB_URI (data: $data_dir)" >&2
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
      baton_log_tail "$data_dir/ferretdb.log"
      exit 1
    fi
    sleep 0.2
  done
  echo "error: FerretDB did not answer ping at $MONGODB_URI within 20 s." >&2
  baton_log_tail "$data_dir/ferretdb.log"
  exit 1
}

# baton_db_start DATA_DIR [--fresh]: starts PostgreSQL and FerretDB and exports
# MONGODB_URI. --fresh: a new, throw-away cluster (removed first; test settings).
baton_db_start() {
  local data_dir="$1" fresh="${2:-}" mode="demo" attempt
  baton_ferretdb_install
  if [ "$fresh" = "--fresh" ]; then
    rm -rf "$data_dir"
    mode="test"
  fi
  mkdir -p "$data_dir"
  baton_pg_start "$data_dir" "$mode"
  for attempt in 1 2 3; do
    if baton_db_try_start "$data_dir"; then return 0; fi
  done
  echo "error: FerretDB lost its port to another process three times; is something grabbing ports on 127.0.0.1?" >&2
  baton_log_tail "$data_dir/ferretdb.log"
  exit 1
}

# FerretDB first (it holds PostgreSQL connections), then PostgreSQL.
baton_db_stop() {
  if [ -n "${BATON_DB_PID:-}" ] && kill -0 "$BATON_DB_PID" 2>/dev/null; then
    kill -TERM "$BATON_DB_PID" 2>/dev/null || true
    wait "$BATON_DB_PID" 2>/dev/null || true
  fi
  if [ -n "${BATON_PG_CLUSTER:-}" ] && [ -f "$BATON_PG_CLUSTER/postmaster.pid" ]; then
    baton_pg_as_owner "$BATON_PG_BIN/pg_ctl" -D "$BATON_PG_CLUSTER" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "${BATON_PG_THROWAWAY:-}" ]; then rm -rf "$BATON_PG_THROWAWAY" "$BATON_PG_THROWAWAY.log"; fi
}
