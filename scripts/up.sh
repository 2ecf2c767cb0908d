#!/usr/bin/env bash
# The first command: brings everything up on a fresh machine and runs the service.
#   npm run up
# Installs dependencies if missing, starts PostgreSQL and Kafka where they are not running,
# creates and migrates the database, seeds reference data, builds, and runs api + worker in the
# foreground (Ctrl-C stops both; `npm run down` also stops Kafka and an embedded PostgreSQL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TS_NODE_TRANSPILE_ONLY=true
[ -f .env ] && set -a && . ./.env && set +a

bash scripts/ensure-deps.sh
bash scripts/services.sh up
npm run -s prepare:stack
# Rebuild only when a source or dependency changed since the last build.
stamp=dist/.build-stamp
if [ ! -f "$stamp" ] || [ -n "$(find apps libs tsconfig.json package-lock.json -newer "$stamp" -print -quit)" ]; then
  echo "build: api and worker"
  npm run -s build && touch "$stamp"
else
  echo "build: up to date"
fi

pids=()
stop_all() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait; }
trap stop_all INT TERM EXIT
# node directly (not via npm) so Ctrl-C/SIGTERM reach the apps themselves: graceful shutdown.
node dist/apps/worker/apps/worker/src/main.js & pids+=($!)
node dist/apps/api/apps/api/src/main.js & pids+=($!)

node scripts/services/wait-http.js "http://${HOST:-127.0.0.1}:${PORT:-3000}/health" >/dev/null
cat <<MSG

  12345 hotline backend is up
    API         http://${HOST:-127.0.0.1}:${PORT:-3000}/api/v1
    Swagger UI  http://${HOST:-127.0.0.1}:${PORT:-3000}/docs
    OpenAPI     http://${HOST:-127.0.0.1}:${PORT:-3000}/docs-json
    Health      http://${HOST:-127.0.0.1}:${PORT:-3000}/health
    Metrics     http://${HOST:-127.0.0.1}:${PORT:-3000}/metrics  (worker: :${WORKER_METRICS_PORT:-9464}/metrics)
    Sign in     POST /api/v1/auth/token {"username":"${BOOTSTRAP_ADMIN_USERNAME:-admin}","password":"…"}
  Ctrl-C stops api and worker.

MSG
wait -n "${pids[@]}"
