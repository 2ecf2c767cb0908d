#!/usr/bin/env bash
# kcat, the outsider's Kafka client of the trust tests (test/security/kafka-trust.e2e-spec.ts): what a
# unit's system or an intruder would run against the broker. Installed with apt when missing.
set -euo pipefail
if command -v kcat >/dev/null 2>&1; then exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "kcat: installing kcat with apt"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends kcat >/dev/null
