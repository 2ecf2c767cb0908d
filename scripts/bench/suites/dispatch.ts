import { Pool } from 'pg';
import { figure, Figure } from '../report';
import type { BenchStack } from '../stack';
import { tokenFor } from '../stack';
import { latencyHistogram } from '../in-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

/**
 * Dispatch → inbox: dispatches at a fixed, evenly paced rate and measures, per case,
 * from the moment its dispatch request is sent to the moment the worker's inbox projector wrote
 * the order into the unit's inbox (outbox → relay → Kafka → consumer). Baseline: the dispatch
 * request's own response time, the synchronous part.
 */
export async function benchDispatchToInbox(
  stack: BenchStack,
  registered: string[],
  rate: number,
  goal: string,
): Promise<Figure[]> {
  const token = await tokenFor(stack.baseUrl, 'agent');
  const cases = registered.slice(0, rate * SECONDS);
  const sentAt = new Map<string, number>();
  const response = latencyHistogram(3_600_000);
  let ok = 0;
  let failed = 0;
  // Evenly paced, one request every 1000/rate ms (autocannon's overallRate sends per-second bursts).
  const started = Date.now();
  const inFlight = cases.map(async (id, i) => {
    const due = started + (i * 1000) / rate;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    const sent = Date.now();
    sentAt.set(id, sent);
    const res = await fetch(`${stack.baseUrl}/api/v1/cases/${id}/dispatch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ leadUnitCode: '110105001' }),
    });
    await res.arrayBuffer();
    response.recordValue(Math.max(1, Date.now() - sent));
    if (res.status === 201) ok += 1;
    else failed += 1;
  });
  await Promise.all(inFlight);

  const pool = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  const ids = [...sentAt.keys()];
  const deadline = Date.now() + 60_000;
  let rows: { case_id: string; at: Date }[] = [];
  while (Date.now() < deadline) {
    rows = (
      await pool.query<{ case_id: string; at: Date }>(
        `SELECT case_id, updated_at AS at FROM unit_inbox WHERE case_id = ANY($1) AND role = 'lead'`,
        [ids],
      )
    ).rows;
    if (rows.length >= ok) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await pool.end();
  const histogram = latencyHistogram(3_600_000);
  for (const row of rows) histogram.recordValue(Math.max(1, row.at.getTime() - sentAt.get(row.case_id)!));
  const note = `${ok} dispatched at ${rate}/s, ${rows.length} reached the inbox, ${failed} failed`;
  return [
    figure(
      `dispatch → inbox latency p50 at ${rate}/s`,
      histogram.getValueAtPercentile(50),
      'ms',
      response.getValueAtPercentile(50),
      'informative',
      note,
    ),
    figure(
      `dispatch → inbox latency p99 at ${rate}/s`,
      histogram.getValueAtPercentile(99),
      'ms',
      response.getValueAtPercentile(99),
      goal,
      note,
    ),
  ];
}
