import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CasesModule, DeadlineSweepService } from '@hotline/cases';
import { MessagingModule } from '@hotline/messaging';
import { figure, Figure } from '../report';
import type { BenchStack } from '../stack';
import { latencyHistogram, withLibraries } from '../in-process';

const OPEN = Number(process.env.BENCH_OPEN_DEADLINES ?? 1_000_000);
const DUE = 10_000;
const SYNTHETIC = 'BENCH-SYNTH';

/**
 * The SLA sweep: with a million open deadlines and nothing due, one sweep (the worker's query,
 * through the real DeadlineSweepService) beside the same question answered without the partial index;
 * then 10,000 real cases' deadlines falling due at once, drained by the running worker.
 */
export async function benchSlaSweep(stack: BenchStack): Promise<Figure[]> {
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  try {
    await pool.query(`DELETE FROM case_deadlines WHERE unit_code = $1`, [SYNTHETIC]);
    // A million open clocks of open cases, due in the future (bulk SQL, not the api).
    await pool.query(
      `INSERT INTO case_deadlines (case_id, kind, unit_code, starts_at, due_at, warn_at, status)
       SELECT gen_random_uuid(), 'resolve', $1, now(), now() + interval '30 days' + (g % 1000) * interval '1 minute',
              now() + interval '20 days', 'open'
         FROM generate_series(1, $2) g`,
      [SYNTHETIC, OPEN],
    );
    await pool.query('ANALYZE case_deadlines');
    const idle = await timeIdleSweeps(stack);
    const scan = await timeWithoutIndex(pool);
    const drain = await drainDue(pool);
    return [
      figure(
        'SLA sweep, nothing due, p50',
        idle.p50,
        'ms',
        scan,
        '≤ 50 ms',
        `${OPEN.toLocaleString('en')} open deadlines; baseline: same query without the partial index`,
      ),
      figure('SLA sweep, nothing due, p99', idle.p99, 'ms', scan, '≤ 50 ms'),
      figure(
        'SLA breaches raised, 10,000 due at once',
        drain.rate,
        'breaches/s',
        drain.baselineRate,
        'informative',
        `drained by the running worker in ${drain.seconds.toFixed(1)} s; baseline: one UPDATE marking them breached`,
      ),
    ];
  } finally {
    await pool.query(`DELETE FROM case_deadlines WHERE unit_code = $1`, [SYNTHETIC]);
    await pool.end();
  }
}

async function timeIdleSweeps(stack: BenchStack): Promise<{ p50: number; p99: number }> {
  Object.assign(process.env, {
    DATABASE_URL: stack.databaseUrl,
    LOG_LEVEL: 'warn',
    KAFKA_GROUP_PREFIX: stack.env.KAFKA_GROUP_PREFIX,
  });
  return withLibraries('bench-sla', [MessagingModule, CasesModule], async (app) => {
    const sweep = app.get(DeadlineSweepService);
    const histogram = latencyHistogram();
    for (let i = 0; i < 200; i++) {
      const started = process.hrtime.bigint();
      await sweep.sweepOnce(500);
      if (i >= 20) histogram.recordValue(Number(process.hrtime.bigint() - started) / 1000);
    }
    return { p50: histogram.getValueAtPercentile(50) / 1000, p99: histogram.getValueAtPercentile(99) / 1000 };
  });
}

async function timeWithoutIndex(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL enable_indexscan = off');
    await client.query('SET LOCAL enable_bitmapscan = off');
    const started = process.hrtime.bigint();
    await client.query(
      `SELECT id FROM case_deadlines WHERE status = 'open' AND due_at <= now() ORDER BY due_at LIMIT 500`,
    );
    await client.query(
      `SELECT id FROM case_deadlines WHERE status = 'open' AND warned_at IS NULL AND warn_at <= now() ORDER BY warn_at LIMIT 500`,
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    await client.query('ROLLBACK');
    return ms;
  } finally {
    client.release();
  }
}

/** 10,000 real cases whose dispatch clocks fall due at once; the running worker raises the breaches. */
async function drainDue(pool: Pool): Promise<{ rate: number; seconds: number; baselineRate: number }> {
  const batch = randomUUID().slice(0, 8);
  await pool.query(
    `INSERT INTO cases (id, case_number, status, channel, demand_type, category_code, urgency, district_code, street_code, address,
       caller_phone, description, source_hotline_code, source_hotline_number, registered_at, dispatch_due_at)
     SELECT gen_random_uuid(), 'SLA-' || $1 || '-' || g, 'registered', 'phone', 'complaint', '010101', 'general', '110105', '110105001',
            '建国门外大街1号', '13600000000', 'bench', '12345', '12345', now(), now() + interval '1 hour'
       FROM generate_series(1, $2) g`,
    [batch, DUE],
  );
  // Baseline: the same rows marked breached by one statement (no events, no outbox), then reset.
  await pool.query(
    `INSERT INTO case_deadlines (case_id, kind, starts_at, due_at, warn_at, status)
     SELECT id, 'dispatch', now(), now() + interval '1 hour', now() + interval '45 minutes', 'open' FROM cases WHERE case_number LIKE $1`,
    [`SLA-${batch}-%`],
  );
  const ids = `SELECT id FROM cases WHERE case_number LIKE 'SLA-${batch}-%'`;
  const t0 = Date.now();
  await pool.query(
    `UPDATE case_deadlines SET status = 'breached', ended_at = now() WHERE case_id IN (${ids}) AND status = 'open'`,
  );
  const baselineSeconds = (Date.now() - t0) / 1000;
  await pool.query(`UPDATE case_deadlines SET status = 'open', ended_at = NULL WHERE case_id IN (${ids})`);

  const started = Date.now();
  await pool.query(
    `UPDATE case_deadlines SET due_at = now() - interval '1 second', warn_at = now() - interval '1 minute' WHERE case_id IN (${ids})`,
  );
  const deadline = Date.now() + 600_000;
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM case_deadlines WHERE case_id IN (${ids}) AND status = 'open'`,
    );
    if (Number(rows[0].n) === 0) break;
    if (Date.now() > deadline) throw new Error('the worker did not raise the breaches in 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (Date.now() - started) / 1000;
  return { rate: DUE / seconds, seconds, baselineRate: DUE / Math.max(baselineSeconds, 0.001) };
}
