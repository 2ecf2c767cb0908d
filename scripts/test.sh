#!/usr/bin/env bash
# The second command: every test and check.
#   npm test                    everything: static checks, contracts, unit, integration and e2e
#   npm test -- <jest args>     jest only, e.g. `npm test -- test/api` (services still started)
# Starts PostgreSQL and Kafka when they are not running (reusing them when they are). Runs every
# step even when one fails, then prints one line: "N passed, N failed" (Jest tests + checks).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TS_NODE_TRANSPILE_ONLY=true
RESULTS=.data/test-results
mkdir -p "$RESULTS"
rm -f "$RESULTS"/jest.json

checks_passed=0
checks_failed=0
failed_steps=()
step() {
  local name="$1"; shift
  local started=$SECONDS
  printf '\n▶ %s\n' "$name"
  if "$@"; then
    checks_passed=$((checks_passed + 1)); printf '✔ %s (%ss)\n' "$name" $((SECONDS - started))
  else
    checks_failed=$((checks_failed + 1)); failed_steps+=("$name"); printf '✘ %s (%ss)\n' "$name" $((SECONDS - started))
  fi
}

bash scripts/ensure-deps.sh || exit 1
TEST_DB_URL="$(node -e 'const u=new URL(process.env.DATABASE_URL||"postgres://postgres@127.0.0.1:5432/hotline");u.pathname="/hotline_test";console.log(process.env.TEST_DATABASE_URL||u.toString())')"

if [ "$#" -eq 0 ]; then
  step "format (prettier)" npx prettier --check --log-level warn .
  step "lint (eslint)" npx eslint --max-warnings 0 .
  step "typecheck (tsc, strict)" npx tsc --noEmit -p tsconfig.json
  step "layer rules and library edges (dependency-cruiser)" npm run -s depcruise
  step "tables touched only by their owner, SQL only in repositories, names by kind" npm run -s architecture:check
  step "OpenAPI is generated from the code and committed" npm run -s openapi:check
  step "OpenAPI lint (redocly)" npx redocly lint openapi.json --format=summary
  step "AsyncAPI document valid and matching the topics" npm run -s asyncapi:check
fi

step "services up (PostgreSQL, Kafka)" bash scripts/services.sh up
step "browser for the dashboard test (chromium)" bash scripts/services/browser.sh
step "kcat for the Kafka trust test" bash scripts/services/kcat.sh
step "test database prepared" env DATABASE_URL="$TEST_DB_URL" npm run -s prepare:stack
if [ "$#" -eq 0 ]; then
  step "no drift between entities and migrations" env DATABASE_URL="$TEST_DB_URL" npm run -s migration:check
  step "migrations apply, revert and re-apply cleanly" env DATABASE_URL="$TEST_DB_URL" npm run -s migration:roundtrip
fi

printf '\n▶ jest (unit + integration)\n'
node_modules/.bin/jest --json --outputFile="$RESULTS/jest.json" "$@" &
jest_pid=$!
# Jest writes its results, then exits. A handle some test leaked (a socket, a timer) keeps it alive —
# Jest then says "did not exit" — and would stall CI with every result known: after a grace period
# it is stopped, said so, and its results decide.
while kill -0 "$jest_pid" 2>/dev/null; do
  if [ -f "$RESULTS/jest.json" ] && [ $(($(date +%s) - $(stat -c %Y "$RESULTS/jest.json"))) -ge 30 ]; then
    printf 'jest: still running 30 s after writing its results (a leaked handle); stopped it\n'
    kill "$jest_pid"
    break
  fi
  sleep 2
done
wait "$jest_pid"
jest_status=$?
if [ "$jest_status" -ne 0 ] && [ -f "$RESULTS/jest.json" ]; then
  node -e 'process.exit(require(process.argv[1]).success ? 0 : 1)' "$PWD/$RESULTS/jest.json" && jest_status=0
fi

if [ "$#" -eq 0 ]; then
  # After Jest: it restarts PostgreSQL and Kafka, which nothing else may be using meanwhile.
  step "chaos, short (500 cases; worker killed, Kafka and PostgreSQL restarted)" \
    npm run -s chaos -- --cases 500 --concurrency 8 --kafka-down 5 --postgres-down 4
fi

node -e '
  const fs = require("fs");
  const f = process.argv[1];
  const r = fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : { numPassedTests: 0, numFailedTests: 1 };
  const passed = r.numPassedTests + Number(process.argv[2]);
  const failed = r.numFailedTests + Number(process.argv[3]) + (r.numRuntimeErrorTestSuites || 0);
  fs.writeFileSync(process.argv[4], JSON.stringify({ passed, failed, jest: { passed: r.numPassedTests, failed: r.numFailedTests, suitesFailedToRun: r.numRuntimeErrorTestSuites || 0 }, checks: { passed: Number(process.argv[2]), failed: Number(process.argv[3]) } }, null, 2));
' "$RESULTS/jest.json" "$checks_passed" "$checks_failed" "$RESULTS/summary.json"

if [ ${#failed_steps[@]} -gt 0 ]; then printf '\nfailed checks: %s\n' "${failed_steps[*]}"; fi
node -e 'const s=require(process.argv[1]);console.log(`\n${s.passed} passed, ${s.failed} failed`)' "$PWD/$RESULTS/summary.json"
[ "$jest_status" -eq 0 ] && [ "$checks_failed" -eq 0 ]
