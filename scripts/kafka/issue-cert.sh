#!/usr/bin/env bash
# Issues a client certificate (CN = the Kafka principal's name) signed by a CA, for the broker's
# mTLS listener and for kcat:
#   scripts/kafka/issue-cert.sh NAME CA_DIR OUT_DIR    → OUT_DIR/NAME.crt, OUT_DIR/NAME.key
# CA_DIR holds ca.pem and ca.key (the development CA: scripts/kafka/kafka.sh creates it).
set -euo pipefail
name="$1"; ca_dir="$2"; out_dir="$3"
[[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "issue-cert: bad principal name: $name" >&2; exit 2; }
mkdir -p "$out_dir"
umask 077
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
openssl req -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/req.csr" -subj "/CN=$name" 2>/dev/null
openssl x509 -req -in "$work/req.csr" -CA "$ca_dir/ca.pem" -CAkey "$ca_dir/ca.key" -CAcreateserial \
  -CAserial "$work/ca.srl" -out "$out_dir/$name.crt" -days 825 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$work/key.pem" -out "$out_dir/$name.key"
