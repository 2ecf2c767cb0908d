import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';
import { Pool } from 'pg';
import { figure, Figure } from '../report';
import type { BenchStack } from '../stack';
import { tokenFor } from '../stack';

const RATE = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

/**
 * Dispatch → inbox: dispatches at a fixed 200/s (autocannon overallRate) and measures, per case,
 * from the moment its dispatch request is sent to the moment the worker's inbox projector wrote
 * the order into the unit's inbox (outbox → relay → Kafka → consumer). Baseline: the dispatch
 * request's own response time, the synchronous part.
 */
export async function benchDispatchToInbox(stack: BenchStack, registered: string[]): Promise<Figure[]> {
  const token = await tokenFor(stack.baseUrl, 'agent');
  const cases = registered.slice(0, RATE * SECONDS);
  const sentAt = new Map<string, number>();
  let next = 0;
  const run = await autocannon({
    url: stack.baseUrl,
    connections: 20,
    overallRate: RATE,
    amount: cases.length,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => {
          const id = cases[next++ % cases.length];
          sentAt.set(id, Date.now());
          return {
            ...request,
            path: `/api/v1/cases/${id}/dispatch`,
            body: JSON.stringify({ leadUnitCode: '110105001' }),
          };
        },
      },
    ],
  });

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
    if (rows.length >= run['2xx']) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await pool.end();
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000,
    numberOfSignificantValueDigits: 3,
  });
  for (const row of rows) histogram.recordValue(Math.max(1, row.at.getTime() - sentAt.get(row.case_id)!));
  const note = `${run['2xx']} dispatched at ${RATE}/s, ${rows.length} reached the inbox, ${run.non2xx} non-2xx`;
  return [
    figure(
      'dispatch → inbox latency p50',
      histogram.getValueAtPercentile(50),
      'ms',
      run.latency.p50,
      'informative',
      note,
    ),
    figure(
      'dispatch → inbox latency p99',
      histogram.getValueAtPercentile(99),
      'ms',
      run.latency.p99,
      '≤ 100 ms at 200 dispatches/s',
      note,
    ),
  ];
}
