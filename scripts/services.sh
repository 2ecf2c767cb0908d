#!/usr/bin/env bash
# PostgreSQL and Kafka for the apps and the tests: `up` starts whatever is not running (and reuses
# what is), `down` stops what this project started, `status` reports.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

kafka_is_local() {
  local brokers="${KAFKA_BROKERS:-127.0.0.1:9092}"
  [[ "$brokers" == "127.0.0.1:9092" || "$brokers" == "localhost:9092" ]]
}

case "${1:-}" in
  up)
    bash "$HERE/services/postgres.sh" start
    if kafka_is_local; then bash "$HERE/kafka/kafka.sh" start
    else node "$HERE/services/wait-ready.js" kafka "$KAFKA_BROKERS"; fi
    ;;
  down)
    kafka_is_local && bash "$HERE/kafka/kafka.sh" stop
    bash "$HERE/services/postgres.sh" stop
    ;;
  status)
    bash "$HERE/services/postgres.sh" status || true
    bash "$HERE/kafka/kafka.sh" status || true
    ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
