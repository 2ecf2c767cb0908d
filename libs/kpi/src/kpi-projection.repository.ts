import { Injectable } from '@nestjs/common';
import { instant } from '@hotline/clock';
import { TransactionService } from '@hotline/database';
import type { CaseFacts } from './domain/case-facts';
import type { CallbackRollupRow, RollupRow } from './domain/rollup-tally';
import { KpiCaseFactEntity } from './entities/kpi-case-fact.entity';

/** The KPI projection's writes: `kpi_case_facts` and the rollups they move, always together. */
@Injectable()
export class KpiProjectionRepository {
  constructor(private readonly db: TransactionService) {}

  /** The case's facts, locked until the transaction ends (its events apply one at a time). */
  async lockFacts(caseId: string): Promise<CaseFacts | null> {
    const rows: Record<string, unknown>[] = await this.db.manager.query(
      `SELECT * FROM kpi_case_facts WHERE case_id = $1 FOR UPDATE`,
      [caseId],
    );
    return rows[0] ? factsFromRow(rows[0]) : null;
  }

  async saveFacts(facts: CaseFacts): Promise<void> {
    await this.db.manager.upsert(KpiCaseFactEntity, { ...facts }, ['caseId']);
  }

  async insertFacts(batch: readonly CaseFacts[]): Promise<void> {
    if (batch.length) await this.db.manager.insert(KpiCaseFactEntity, [...batch]);
  }

  /**
   * Adds counts to the rollups (rows of the same key are summed first). Rows are written in key
   * order, so two projectors adding to the same days lock them in one order (no deadlock).
   */
  async addRollups(rows: readonly RollupRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.manager.query(
      `INSERT INTO kpi_rollups (group_kind, day, metric, group_key, requester_kind, hit, miss, pending, open)
       SELECT r."groupKind", r.day, r.metric, r."groupKey", r."requesterKind",
              sum(r.hit), sum(r.miss), sum(r.pending), sum(r.open)
         FROM jsonb_to_recordset($1::jsonb)
           AS r("groupKind" text, day date, metric text, "groupKey" text, "requesterKind" text,
                hit int, miss int, pending int, open int)
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY 1, 2, 3, 4, 5
       ON CONFLICT (group_kind, day, metric, group_key, requester_kind) DO UPDATE SET
         hit = kpi_rollups.hit + EXCLUDED.hit, miss = kpi_rollups.miss + EXCLUDED.miss,
         pending = kpi_rollups.pending + EXCLUDED.pending, open = kpi_rollups.open + EXCLUDED.open`,
      [JSON.stringify(rows)],
    );
  }

  /** Adds callback counts, in key order like addRollups. */
  async addCallbacks(rows: readonly CallbackRollupRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.manager.query(
      `INSERT INTO kpi_callback_rollups (group_kind, day, group_key, requester_kind, asked_solved, solved, rated, satisfied)
       SELECT r."groupKind", r.day, r."groupKey", r."requesterKind", sum(r.asked), sum(r.solved), sum(r.rated), sum(r.satisfied)
         FROM jsonb_to_recordset($1::jsonb)
           AS r("groupKind" text, day date, "groupKey" text, "requesterKind" text,
                asked int, solved int, rated int, satisfied int)
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
       ON CONFLICT (group_kind, day, group_key, requester_kind) DO UPDATE SET
         asked_solved = kpi_callback_rollups.asked_solved + EXCLUDED.asked_solved, solved = kpi_callback_rollups.solved + EXCLUDED.solved,
         rated = kpi_callback_rollups.rated + EXCLUDED.rated, satisfied = kpi_callback_rollups.satisfied + EXCLUDED.satisfied`,
      [JSON.stringify(rows)],
    );
  }

  /** Empties the projection (a rebuild, in its transaction). */
  async clear(): Promise<void> {
    for (const table of ['kpi_case_facts', 'kpi_rollups', 'kpi_callback_rollups'])
      await this.db.manager.query(`DELETE FROM ${table}`);
  }
}

/** A facts row as PostgreSQL returns it (snake_case) → CaseFacts. */
export function factsFromRow(r: Record<string, unknown>): CaseFacts {
  const d = (v: unknown) => (v === null || v === undefined ? null : instant(v as string));
  return {
    caseId: r.case_id as string,
    caseNumber: r.case_number as string,
    firstCall: r.first_call as boolean,
    registeredAt: d(r.registered_at)!,
    hotline: r.hotline as string,
    categoryCode: r.category_code as string,
    districtCode: r.district_code as string,
    streetCode: (r.street_code as string | null) ?? null,
    requesterKind: r.requester_kind as CaseFacts['requesterKind'],
    unitCode: (r.unit_code as string | null) ?? null,
    noDispatchNeeded: r.no_dispatch_needed as boolean,
    dispatchDueAt: d(r.dispatch_due_at)!,
    firstDispatchedAt: d(r.first_dispatched_at),
    dispatchCount: Number(r.dispatch_count),
    firstDispatchReturned: r.first_dispatch_returned as boolean,
    firstReturnPending: r.first_return_pending as boolean,
    responseDueAt: d(r.response_due_at),
    respondedAt: d(r.responded_at),
    resolveDueAt: d(r.resolve_due_at),
    resolvedAt: d(r.resolved_at),
    reasonable: r.reasonable as boolean,
    callbackDueAt: d(r.callback_due_at),
    callbackDoneAt: d(r.callback_done_at),
    triggerAt: d(r.trigger_at),
    supervisedAt: d(r.supervised_at),
  };
}
