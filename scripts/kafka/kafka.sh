#!/usr/bin/env bash
# Runs the project's single-node Apache Kafka broker (KRaft) on 127.0.0.1, with authentication and
# ACLs on, as a real cluster has them (docs/operations.md, "Kafka security").
#   scripts/kafka/kafka.sh start   fetch jars once (Maven), create credentials and storage once,
#                                  start, wait until ready, apply the principals' ACLs
#   scripts/kafka/kafka.sh stop    SIGTERM and wait for a clean shutdown
#   scripts/kafka/kafka.sh status
#   scripts/kafka/kafka.sh env     prints KAFKA_STATE_DIR, KAFKA_LIB_DIR and the credentials dir
# Already running (something answers on the port) → reused, not started twice.
#
# One broker per machine, shared by every clone: its state (data, credentials, TLS) lives in
# $XDG_STATE_HOME/hotline-12345/kafka (~/.local/state/…), outside any checkout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/scripts/kafka"
HOST="${KAFKA_HOST:-127.0.0.1}"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
TLS_PORT="${KAFKA_TLS_PORT:-9094}"
MTLS_PORT="${KAFKA_MTLS_PORT:-9095}"
HEAP="${KAFKA_HEAP:-512m}"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/pom.xml")"
# Jars live outside the repo's tracked files, shared by every clone on the machine.
LIB_DIR="${KAFKA_LIB_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hotline-12345/kafka-$KAFKA_VERSION/lib}"
STATE_DIR="${KAFKA_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/hotline-12345/kafka}"
DATA_DIR="$STATE_DIR/data"
CRED_DIR="$STATE_DIR/credentials"
TLS_DIR="$STATE_DIR/tls"
PID_FILE="$STATE_DIR/broker.pid"
LOG_FILE="$STATE_DIR/broker.log"
# The broker's own SCRAM users, created with the storage (the platform's principals besides admin:
# PLATFORM_PRINCIPALS of libs/messaging/src/kafka/kafka-access.ts); one added later is created on the
# running broker by `npm run kafka:access -- platform` (apply_acls). Units' users come from
# `npm run kafka:unit`.
PLATFORM_USERS=(admin centre telephony gateway messenger)

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

fetch_jars() {
  if [ -f "$LIB_DIR/.complete" ]; then return; fi
  echo "kafka: fetching Apache Kafka $KAFKA_VERSION jars from Maven Central into $LIB_DIR"
  mkdir -p "$LIB_DIR"
  mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB_DIR" -DincludeScope=runtime
  touch "$LIB_DIR/.complete"
}

secret() { cat "$CRED_DIR/$1.password"; }

# Random passwords, a development CA and the broker's certificate, once (the principals' client
# certificates come from `npm run kafka:access`). Files are readable by this user only.
ensure_credentials() {
  mkdir -p "$CRED_DIR" "$TLS_DIR"
  chmod 700 "$CRED_DIR" "$TLS_DIR"
  local name fresh=()
  for name in controller "${PLATFORM_USERS[@]}"; do
    if [ ! -f "$CRED_DIR/$name.password" ]; then
      (umask 077 && openssl rand -hex 24 > "$CRED_DIR/$name.password")
      fresh+=("$name")
    fi
  done
  if [ "${#fresh[@]}" -gt 0 ] && [ -f "$DATA_DIR/meta.properties" ]; then
    if [[ " ${fresh[*]} " == *" admin "* ]]; then
      # The broker signs in to itself as admin, whose SCRAM user is in the storage: a new admin
      # password locks it out, so that storage is started over (development data).
      echo "kafka: a new admin password; recreating the development broker's storage in $DATA_DIR"
      rm -rf "$DATA_DIR"
    else
      # The controller's password is static (server.properties); a new platform user (one added to
      # PLATFORM_USERS since the storage was made) is created on the running broker by apply_acls.
      rm -f "$STATE_DIR/acl-layout"
    fi
  fi
  if [ ! -f "$TLS_DIR/ca.key" ]; then
    (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TLS_DIR/ca.key" -out "$TLS_DIR/ca.pem" \
      -days 3650 -subj "/CN=hotline-12345 development CA" 2>/dev/null)
  fi
  if [ ! -f "$TLS_DIR/broker.pem" ]; then
    local work; work="$(mktemp -d)"
    openssl req -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/req.csr" -subj "/CN=$HOST" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > "$work/san.ext"
    openssl x509 -req -in "$work/req.csr" -CA "$TLS_DIR/ca.pem" -CAkey "$TLS_DIR/ca.key" -CAcreateserial \
      -CAserial "$work/ca.srl" -out "$work/cert.pem" -days 3650 -extfile "$work/san.ext" 2>/dev/null
    openssl pkcs8 -topk8 -nocrypt -in "$work/key.pem" -out "$work/key.p8"
    (umask 077 && cat "$work/key.p8" "$work/cert.pem" > "$TLS_DIR/broker.pem")
    rm -rf "$work"
  fi
}

write_config() {
  mkdir -p "$DATA_DIR" "$STATE_DIR/tmp"
  (umask 077 && sed -e "s#@HOST@#$HOST#g" -e "s#@PORT@#$PORT#g" -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" \
      -e "s#@TLS_PORT@#$TLS_PORT#g" -e "s#@MTLS_PORT@#$MTLS_PORT#g" -e "s#@TLS_DIR@#$TLS_DIR#g" \
      -e "s#@DATA_DIR@#$DATA_DIR#g" -e "s#@ADMIN_PASSWORD@#$(secret admin)#g" \
      -e "s#@CONTROLLER_PASSWORD@#$(secret controller)#g" \
      "$HERE/server.properties.template" > "$STATE_DIR/server.properties")
}

java_opts() {
  # The temp dir must allow exec: snappy/zstd unpack native libraries there.
  echo "-Xms256m -Xmx$HEAP -XX:+UseG1GC -Djava.awt.headless=true -Djava.io.tmpdir=$STATE_DIR/tmp \
    -Dlog4j2.configurationFile=$HERE/log4j2.properties"
}

# SCRAM users are stored in the cluster's metadata: the platform's are created with the storage.
format_once() {
  if [ -f "$DATA_DIR/meta.properties" ]; then return; fi
  local cluster_id name scram=()
  for name in "${PLATFORM_USERS[@]}"; do scram+=(--add-scram "SCRAM-SHA-512=[name=$name,password=$(secret "$name")]"); done
  cluster_id="$(java -cp "$LIB_DIR/*" $(java_opts) kafka.tools.StorageTool random-uuid | tail -n 1)"
  java -cp "$LIB_DIR/*" $(java_opts) kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$STATE_DIR/server.properties" "${scram[@]}" >/dev/null
  rm -f "$STATE_DIR/acl-layout"
}

probe() {
  KAFKA_SASL_USERNAME=admin KAFKA_SASL_PASSWORD="$(secret admin)" \
    node "$ROOT/scripts/services/wait-ready.js" "${1:-kafka}" "$HOST:$PORT"
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
  # Listening is not ready: wait until the broker serves metadata (it is unfenced), then until its
  # group and producer-id coordinators have loaded.
  probe
  probe kafka-coordinators
}

# The platform principals' ACLs, applied again whenever their layout (libs/messaging) changes or a
# platform user lacks its files. `kafka:access platform` also creates a platform user the broker
# does not know yet (its SCRAM credential through kafka-configs --alter --add-config, its password,
# certificate and client configs), so a broker whose storage predates that user keeps its data.
apply_acls() {
  local layout name missing=0
  layout="$(cat "$ROOT/libs/messaging/src/kafka/kafka-access.ts" "$ROOT/libs/messaging/src/topics.ts" \
    "$ROOT/scripts/kafka/access.ts" | sha256sum | cut -c1-16)"
  for name in "${PLATFORM_USERS[@]}"; do
    [ "$name" = admin ] && continue
    if [ ! -f "$CRED_DIR/$name.password" ] || { [ -f "$TLS_DIR/ca.key" ] && [ ! -f "$CRED_DIR/$name.kcat.conf" ]; }; then
      missing=1
    fi
  done
  if [ "$missing" = 0 ] && [ "$(cat "$STATE_DIR/acl-layout" 2>/dev/null)" = "$layout" ]; then return; fi
  echo "kafka: applying the platform principals' ACLs"
  (cd "$ROOT" && KAFKA_CREDENTIALS_DIR="$CRED_DIR" KAFKA_BROKERS="$HOST:$PORT" npm run -s kafka:access -- platform)
  echo "$layout" > "$STATE_DIR/acl-layout"
}

start() {
  if port_open "$PORT"; then
    if [ ! -f "$CRED_DIR/admin.password" ] || ! probe 2>/dev/null; then
      echo "kafka: something on $HOST:$PORT is not this project's secured broker (no credentials in $CRED_DIR" \
        "accepted); stop it, then start again" >&2
      exit 1
    fi
    echo "kafka: already running on $HOST:$PORT (reused)"
    apply_acls
    return
  fi
  command -v java >/dev/null || { echo "kafka: java (17+) is required" >&2; exit 1; }
  command -v openssl >/dev/null || { echo "kafka: openssl is required (credentials, TLS)" >&2; exit 1; }
  command -v mvn >/dev/null || [ -f "$LIB_DIR/.complete" ] || { echo "kafka: maven is required to fetch the broker" >&2; exit 1; }
  fetch_jars
  ensure_credentials
  write_config
  format_once
  echo "kafka: starting Apache Kafka $KAFKA_VERSION (KRaft, single node, SASL/SCRAM + ACLs) on $HOST:$PORT"
  # setsid: the broker outlives the shell that started it (npm run up, CI).
  setsid nohup java -cp "$LIB_DIR/*" $(java_opts) kafka.Kafka "$STATE_DIR/server.properties" \
    >"$LOG_FILE" 2>&1 < /dev/null &
  echo $! > "$PID_FILE"
  wait_ready
  apply_acls
  echo "kafka: ready (credentials in $CRED_DIR)"
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
  env) printf 'KAFKA_STATE_DIR=%s\nKAFKA_LIB_DIR=%s\nKAFKA_CREDENTIALS_DIR=%s\n' "$STATE_DIR" "$LIB_DIR" "$CRED_DIR" ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
