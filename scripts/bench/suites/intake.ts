import { randomUUID } from 'node:crypto';
import { postgresSocketExists, viaLocalSocket } from '@hotline/database';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { kafkaCpuMs, postgresCpuMs } from '../cpu';
import { figure, Figure } from '../report';
import type { BenchStack } from '../stack';
import { tokenFor, waitUntilQuiet } from '../stack';
import { latencyHistogram } from '../in-process';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

let phoneSeq = 0;
/** A new caller each time: repeat calls would join cases instead of creating them. */
function caseBody(): string {
  phoneSeq += 1;
  return JSON.stringify({
    channel: 'phone',
    demandType: 'complaint',
    categoryCode: '010101',
    urgency: 'general',
    districtCode: '110105',
    streetCode: '110105001',
    address: '建国门外大街1号',
    callerPhone: `137${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}${String(phoneSeq % 1e4).padStart(4, '0')}`,
    description: '小区门口有商贩占道经营，影响通行',
  });
}

/** The CPU each process of the pipeline has used so far (ms), read from /proc. */
function cpuNow(stack: BenchStack) {
  return { api: stack.apiCpuMs(), worker: stack.workerCpuMs(), postgres: postgresCpuMs(), kafka: kafkaCpuMs() };
}

/**
 * Intake: POST /api/v1/cases at a fixed concurrency (autocannon), beside the same rows — the case,
 * its first event, its outbox message — inserted with `pg` directly at the same concurrency once the
 * pipeline is idle again. The cost per case is each process's CPU time from the start of the load
 * until the pipeline has drained (the worker's relay and consumers included) ÷ the cases registered.
 */
export async function benchIntake(stack: BenchStack): Promise<{ figures: Figure[]; caseIds: string[] }> {
  const token = await tokenFor(stack.baseUrl, 'agent');
  const caseIds: string[] = [];
  const before = cpuNow(stack);
  const api = await autocannon({
    url: `${stack.baseUrl}/api/v1/cases`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => ({ ...request, body: caseBody() }),
        onResponse: (status, body) => {
          if (status === 201) caseIds.push((JSON.parse(body) as { id: string }).id);
        },
      },
    ],
  });
  await waitUntilQuiet(stack.baseUrl);
  const after = cpuNow(stack);
  const postgresBefore = postgresCpuMs();
  const raw = await rawInserts(stack.databaseUrl);
  const rawPostgresMs = (postgresCpuMs() - postgresBefore) / raw.count;
  const apiRate = api.requests.average;
  const errors = api.non2xx + api.errors;
  const perCase = (part: keyof typeof before) => (after[part] - before[part]) / caseIds.length;
  const note = `${caseIds.length} cases; CPU from the start of the load until the outbox and every consumer group drained`;
  return {
    caseIds,
    figures: [
      figure('api CPU per registered case', perCase('api'), 'ms', null, '≤ 2 ms', note),
      figure('worker CPU per registered case', perCase('worker'), 'ms', null, '≤ 2 ms', note),
      figure(
        'PostgreSQL CPU per registered case',
        perCase('postgres'),
        'ms',
        rawPostgresMs,
        'informative',
        'all PostgreSQL processes; baseline: per raw insert of the same rows, the pipeline idle',
      ),
      figure('Kafka CPU per registered case', perCase('kafka'), 'ms', null, 'informative', 'the broker process'),
      figure(
        'intake POST /cases throughput',
        apiRate,
        'cases/s',
        raw.rate,
        '≥ 1000/s and ≥ 0.5 × raw SQL',
        `${CONNECTIONS} connections, ${SECONDS} s, ${errors} non-2xx/errors`,
      ),
      figure('intake POST /cases latency p50', api.latency.p50, 'ms', raw.p50, 'informative'),
      figure('intake POST /cases latency p99', api.latency.p99, 'ms', raw.p99, 'informative'),
    ],
  };
}

async function rawInserts(databaseUrl: string): Promise<{ rate: number; p50: number; p99: number; count: number }> {
  // The same transport as the apps: the Unix socket when the database is on this machine (DATABASE_SOCKET_DIR).
  const socketDir = process.env.DATABASE_SOCKET_DIR ?? '/var/run/postgresql';
  const pool = new Pool({ connectionString: viaLocalSocket(databaseUrl, socketDir, postgresSocketExists), max: 20 });
  const histogram = latencyHistogram();
  let done = 0;
  const until = Date.now() + SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const started = process.hrtime.bigint();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const id = randomUUID();
        const eventId = randomUUID();
        await client.query(
          `INSERT INTO cases (id, case_number, status, channel, demand_type, category_code, urgency, district_code, street_code,
             address, caller_phone, description, source_hotline_code, source_hotline_number, registered_at, dispatch_due_at)
           VALUES ($1, 'RAW-' || nextval('case_number_seq'), 'registered', 'phone', 'complaint', '010101', 'general', '110105',
             '110105001', '建国门外大街1号', $2, '小区门口有商贩占道经营，影响通行', '12345', '12345', now(), now() + interval '24 hours')`,
          [id, `136${String(done).padStart(8, '0')}`],
        );
        const payload = {
          specversion: '1.0',
          id: eventId,
          type: 'cn.gov.12345.case.registered.v1',
          subject: id,
          data: { caseId: id },
        };
        await client.query(
          `INSERT INTO case_events (id, case_id, seq, type, occurred_at, actor_role, data) VALUES ($1, $2, 1, 'registered', now(), 'agent', '{}')`,
          [eventId, id],
        );
        // Born published: the baseline's rows are only writes, the relay must not send them anywhere.
        await client.query(
          `INSERT INTO outbox (event_id, topic, message_key, lane, payload, published_at) VALUES ($1, 'bench.raw', $2, 0, $3, now())`,
          [randomUUID(), id, payload],
        );
        await client.query('COMMIT');
        done += 1;
      } finally {
        client.release();
      }
      histogram.recordValue(Number(process.hrtime.bigint() - started) / 1000);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (Date.now() - started) / 1000;
  await pool.end();
  return {
    count: done,
    rate: done / seconds,
    p50: histogram.getValueAtPercentile(50) / 1000,
    p99: histogram.getValueAtPercentile(99) / 1000,
  };
}
