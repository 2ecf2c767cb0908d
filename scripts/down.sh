#!/usr/bin/env bash
# Stops Kafka and an embedded PostgreSQL started by `npm run up` (the machine's own cluster stays).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/services.sh down
