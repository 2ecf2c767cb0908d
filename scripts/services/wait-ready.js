#!/usr/bin/env node
// Waits until a service answers a real request, not just a TCP connect:
//   node scripts/services/wait-ready.js kafka 127.0.0.1:9092
//   node scripts/services/wait-ready.js pg postgres://postgres@127.0.0.1:5432/postgres
// Exits 0 when ready, 1 after the timeout (WAIT_TIMEOUT_S, default 90).
'use strict';
const [, , kind, target] = process.argv;
const deadline = Date.now() + Number(process.env.WAIT_TIMEOUT_S || 90) * 1000;

async function kafkaReady() {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({
    clientId: 'wait-ready',
    brokers: target.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1000,
  }).admin();
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    await admin.listTopics();
    return brokers.length > 0;
  } finally {
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
  const probe = { kafka: kafkaReady, pg: pgReady }[kind];
  if (!probe || !target) {
    console.error('usage: wait-ready.js kafka|pg <target>');
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
