#!/usr/bin/env node
// Waits until a service answers a real request, not just a TCP connect:
//   node scripts/services/wait-ready.js kafka 127.0.0.1:9092
//   node scripts/services/wait-ready.js kafka-coordinators 127.0.0.1:9092
//   node scripts/services/wait-ready.js pg postgres://postgres@127.0.0.1:5432/postgres
// kafka-coordinators: on a new broker, the first consumer group and the first idempotent producer
// create Kafka's internal topics and wait while their coordinators load (tens of seconds on this
// machine); paying that here keeps it out of the first test's or the first request's time.
// Exits 0 when ready, 1 after the timeout (WAIT_TIMEOUT_S, default 90).
'use strict';
const [, , kind, target] = process.argv;
const deadline = Date.now() + Number(process.env.WAIT_TIMEOUT_S || 90) * 1000;

function kafkaClient() {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const { Kafka, logLevel } = require('kafkajs');
  const { readFileSync } = require('node:fs');
  const env = process.env;
  const password =
    env.KAFKA_SASL_PASSWORD ||
    (env.KAFKA_SASL_PASSWORD_FILE && readFileSync(env.KAFKA_SASL_PASSWORD_FILE, 'utf8').trim());
  const mechanism = env.KAFKA_SASL_MECHANISM || 'scram-sha-512';
  const read = (file) => (file ? readFileSync(file, 'utf8') : undefined);
  return new Kafka({
    clientId: 'wait-ready',
    brokers: target.split(','),
    // The same settings as the apps' (docs/operations.md, "Kafka security").
    sasl: password && mechanism !== 'none' ? { mechanism, username: env.KAFKA_SASL_USERNAME, password } : undefined,
    ssl: ['true', '1'].includes(env.KAFKA_SSL)
      ? { ca: read(env.KAFKA_SSL_CA_FILE), cert: read(env.KAFKA_SSL_CERT_FILE), key: read(env.KAFKA_SSL_KEY_FILE) }
      : undefined,
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1000,
  });
}

async function kafkaReady() {
  const admin = kafkaClient().admin();
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    await admin.listTopics();
    return brokers.length > 0;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function kafkaCoordinatorsReady() {
  const kafka = kafkaClient();
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 5 } });
  try {
    await admin.connect();
    await admin.describeCluster(); // fills the client's broker pool, which the coordinator lookup needs
    const { groups } = await admin.describeGroups(['hotline-warm-up']);
    if (groups[0].errorCode !== 0) return false;
    await producer.connect(); // InitProducerId: answered once the producer-id coordinator is ready
    return true;
  } finally {
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

async function pgReady() {
  const { Client } = require('pg');
  const client = new Client({ connectionString: target, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

(async () => {
  const probe = { kafka: kafkaReady, 'kafka-coordinators': kafkaCoordinatorsReady, pg: pgReady }[kind];
  if (!probe || !target) {
    console.error('usage: wait-ready.js kafka|kafka-coordinators|pg <target>');
    process.exit(2);
  }
  let last;
  while (Date.now() < deadline) {
    try {
      if (await probe()) process.exit(0);
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  console.error(`${kind} at ${target} not ready: ${last ? last.message : 'timeout'}`);
  process.exit(1);
})();
