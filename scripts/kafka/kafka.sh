#!/usr/bin/env bash
# Runs the project's single-node Apache Kafka broker (KRaft) on 127.0.0.1.
#   scripts/kafka/kafka.sh start   fetch jars once (Maven), format storage once, start, wait until ready
#   scripts/kafka/kafka.sh stop    SIGTERM and wait for a clean shutdown
#   scripts/kafka/kafka.sh status
# Already running (something answers on the port) → reused, not started twice.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/scripts/kafka"
HOST="${KAFKA_HOST:-127.0.0.1}"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
HEAP="${KAFKA_HEAP:-512m}"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/pom.xml")"
# Jars live outside the repo's tracked files, shared by every clone on the machine.
LIB_DIR="${KAFKA_LIB_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hotline-12345/kafka-$KAFKA_VERSION/lib}"
STATE_DIR="${KAFKA_STATE_DIR:-$ROOT/.data/kafka}"
DATA_DIR="$STATE_DIR/data"
PID_FILE="$STATE_DIR/broker.pid"
LOG_FILE="$STATE_DIR/broker.log"

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

fetch_jars() {
  if [ -f "$LIB_DIR/.complete" ]; then return; fi
  echo "kafka: fetching Apache Kafka $KAFKA_VERSION jars from Maven Central into $LIB_DIR"
  mkdir -p "$LIB_DIR"
  mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB_DIR" -DincludeScope=runtime
  touch "$LIB_DIR/.complete"
}

write_config() {
  mkdir -p "$DATA_DIR" "$STATE_DIR/tmp"
  sed -e "s#@HOST@#$HOST#g" -e "s#@PORT@#$PORT#g" -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" \
      -e "s#@DATA_DIR@#$DATA_DIR#g" "$HERE/server.properties.template" > "$STATE_DIR/server.properties"
}

java_opts() {
  # The temp dir must allow exec: snappy/zstd unpack native libraries there.
  echo "-Xms256m -Xmx$HEAP -XX:+UseG1GC -Djava.awt.headless=true -Djava.io.tmpdir=$STATE_DIR/tmp \
    -Dlog4j2.configurationFile=$HERE/log4j2.properties"
}

format_once() {
  if [ -f "$DATA_DIR/meta.properties" ]; then return; fi
  local cluster_id
  cluster_id="$(java -cp "$LIB_DIR/*" $(java_opts) kafka.tools.StorageTool random-uuid | tail -n 1)"
  java -cp "$LIB_DIR/*" $(java_opts) kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$STATE_DIR/server.properties" >/dev/null
}

wait_ready() {
  local deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-90}))
  until port_open "$PORT"; do
    if [ -f "$PID_FILE" ] && ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      echo "kafka: broker exited during start; last log lines:" >&2; tail -n 30 "$LOG_FILE" >&2; exit 1
    fi
    if (( SECONDS > deadline )); then echo "kafka: not listening after ${KAFKA_START_TIMEOUT:-90}s" >&2; exit 1; fi
    sleep 0.5
  done
  # Listening is not ready: wait until the broker serves metadata (it is unfenced).
  node "$ROOT/scripts/services/wait-ready.js" kafka "$HOST:$PORT"
}

start() {
  if port_open "$PORT"; then
    echo "kafka: already running on $HOST:$PORT (reused)"
    node "$ROOT/scripts/services/wait-ready.js" kafka "$HOST:$PORT"
    return
  fi
  command -v java >/dev/null || { echo "kafka: java (17+) is required" >&2; exit 1; }
  command -v mvn >/dev/null || [ -f "$LIB_DIR/.complete" ] || { echo "kafka: maven is required to fetch the broker" >&2; exit 1; }
  fetch_jars
  write_config
  format_once
  echo "kafka: starting Apache Kafka $KAFKA_VERSION (KRaft, single node) on $HOST:$PORT"
  # setsid: the broker outlives the shell that started it (npm run up, CI).
  setsid nohup java -cp "$LIB_DIR/*" $(java_opts) kafka.Kafka "$STATE_DIR/server.properties" \
    >"$LOG_FILE" 2>&1 < /dev/null &
  echo $! > "$PID_FILE"
  wait_ready
  echo "kafka: ready"
}

stop() {
  if [ ! -f "$PID_FILE" ] || ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    echo "kafka: not running (or not started by this project)"; rm -f "$PID_FILE"; return
  fi
  local pid; pid="$(cat "$PID_FILE")"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then echo "kafka: still running after 30s, killing"; kill -KILL "$pid"; fi
  rm -f "$PID_FILE"
  echo "kafka: stopped"
}

status() {
  if port_open "$PORT"; then echo "kafka: up on $HOST:$PORT"; else echo "kafka: down"; return 1; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
