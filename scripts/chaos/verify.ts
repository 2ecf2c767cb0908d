import { Pool } from 'pg';

export interface Verdict {
  check: string;
  ok: boolean;
  detail: string;
}

/**
 * What "nothing lost, nothing duplicated" means after the faults, checked in the database for
 * the cases the load created (the api and the worker are quiet by then).
 */
export async function verifyNothingLost(databaseUrl: string, created: readonly string[]): Promise<Verdict[]> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await pool.query<{ n: string }>(sql, params)).rows[0].n);
  try {
    const ids = [...new Set(created)];
    const existing = await count(`SELECT count(*) AS n FROM cases WHERE id = ANY($1)`, [ids]);
    const orders = await count(`SELECT count(*) AS n FROM case_assignments WHERE case_id = ANY($1)`, [ids]);
    const delivered = await count(
      `SELECT count(*) AS n FROM case_assignments a JOIN unit_inbox i ON i.order_id = a.id WHERE a.case_id = ANY($1)`,
      [ids],
    );
    const inboxRows = await count(
      `SELECT count(*) AS n FROM unit_inbox WHERE case_id = ANY($1) AND kind = 'dispatch'`,
      [ids],
    );
    const events = await count(`SELECT count(*) AS n FROM case_events WHERE case_id = ANY($1)`, [ids]);
    const distinctEvents = await count(`SELECT count(DISTINCT id) AS n FROM case_events WHERE case_id = ANY($1)`, [
      ids,
    ]);
    const unpublished = await count(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`);
    const projected = await count(`SELECT count(*) AS n FROM kpi_case_facts WHERE case_id = ANY($1)`, [ids]);
    // A case event applied twice by the KPI projector would count a dispatch twice.
    const miscounted = await count(
      `SELECT count(*) AS n FROM cases c JOIN kpi_case_facts f ON f.case_id = c.id
        WHERE c.id = ANY($1) AND f.dispatch_count <> c.dispatch_count`,
      [ids],
    );
    return [
      {
        check: 'every case that got a 201 exists',
        ok: existing === ids.length,
        detail: `${existing} of ${ids.length}`,
      },
      {
        check: 'every dispatch order reached its inbox exactly once',
        ok: delivered === orders && inboxRows === orders,
        detail: `${orders} orders, ${delivered} delivered, ${inboxRows} inbox rows`,
      },
      {
        check: 'no case event id duplicated',
        ok: events === distinctEvents,
        detail: `${events} events, ${distinctEvents} distinct ids`,
      },
      {
        check: 'no event applied twice (KPI projection: one row per case, dispatches counted once)',
        ok: projected === ids.length && miscounted === 0,
        detail: `${projected} of ${ids.length} cases projected, ${miscounted} with a wrong dispatch count`,
      },
      { check: 'the outbox is drained', ok: unpublished === 0, detail: `${unpublished} unpublished` },
    ];
  } finally {
    await pool.end();
  }
}
