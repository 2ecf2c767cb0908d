import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { applyFactEvent, CaseFacts, FactEvent } from './domain/case-facts';
import { CallbackContribution, callbackContributions, RollupDelta, rollupDelta } from './domain/grouping';
import { KpiCaseFactEntity } from './entities/kpi-case-fact.entity';

/**
 * Applies case events to the KPI projection: the case's facts and, in the same transaction, the
 * rollup counts they move. Idempotence comes from the consumer's inbox (processed_events); order
 * from Kafka (one case's events share a partition).
 */
@Injectable()
export class KpiProjection {
  async apply(tx: EntityManager, event: FactEvent): Promise<void> {
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT * FROM kpi_case_facts WHERE case_id = $1 FOR UPDATE`,
      [event.caseId],
    );
    const before = rows[0] ? factsFromRow(rows[0]) : null;
    const after = applyFactEvent(before, event);
    if (after && after !== before) {
      await tx.upsert(KpiCaseFactEntity, { ...after }, ['caseId']);
      await this.applyDelta(tx, rollupDelta(before, after));
    }
    await this.addCallbacks(tx, callbackContributions(after, event));
  }

  async applyDelta(tx: EntityManager, deltas: readonly RollupDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const rows = deltas.map((d) => ({
      group_kind: d.groupKind,
      day: d.day,
      metric: d.metric,
      group_key: d.groupKey,
      hit: d.state === 'hit' ? d.delta : 0,
      miss: d.state === 'miss' ? d.delta : 0,
      pending: d.state === 'pending' ? d.delta : 0,
      open: d.state === 'open' ? d.delta : 0,
    }));
    await tx.query(
      `INSERT INTO kpi_rollups (group_kind, day, metric, group_key, hit, miss, pending, open)
       SELECT r.group_kind, r.day, r.metric, r.group_key, sum(r.hit), sum(r.miss), sum(r.pending), sum(r.open)
         FROM jsonb_to_recordset($1::jsonb) AS r(group_kind text, day date, metric text, group_key text, hit int, miss int, pending int, open int)
        GROUP BY 1, 2, 3, 4
       ON CONFLICT (group_kind, day, metric, group_key) DO UPDATE SET
         hit = kpi_rollups.hit + EXCLUDED.hit, miss = kpi_rollups.miss + EXCLUDED.miss,
         pending = kpi_rollups.pending + EXCLUDED.pending, open = kpi_rollups.open + EXCLUDED.open`,
      [JSON.stringify(rows)],
    );
  }

  async addCallbacks(tx: EntityManager, contributions: readonly CallbackContribution[]): Promise<void> {
    if (contributions.length === 0) return;
    const rows = contributions.map((c) => ({
      group_kind: c.groupKind,
      day: c.day,
      group_key: c.groupKey,
      asked: c.asked,
      solved: c.solved,
      rated: c.rated,
      satisfied: c.satisfied,
    }));
    await tx.query(
      `INSERT INTO kpi_callback_rollups (group_kind, day, group_key, asked_solved, solved, rated, satisfied)
       SELECT r.group_kind, r.day, r.group_key, r.asked, r.solved, r.rated, r.satisfied
         FROM jsonb_to_recordset($1::jsonb) AS r(group_kind text, day date, group_key text, asked int, solved int, rated int, satisfied int)
       ON CONFLICT (group_kind, day, group_key) DO UPDATE SET
         asked_solved = kpi_callback_rollups.asked_solved + EXCLUDED.asked_solved, solved = kpi_callback_rollups.solved + EXCLUDED.solved,
         rated = kpi_callback_rollups.rated + EXCLUDED.rated, satisfied = kpi_callback_rollups.satisfied + EXCLUDED.satisfied`,
      [JSON.stringify(rows)],
    );
  }
}

/** A facts row as PostgreSQL returns it (snake_case) → CaseFacts. */
export function factsFromRow(r: Record<string, unknown>): CaseFacts {
  const d = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    caseId: r.case_id as string,
    caseNumber: r.case_number as string,
    firstCall: r.first_call as boolean,
    registeredAt: d(r.registered_at)!,
    hotline: r.hotline as string,
    categoryCode: r.category_code as string,
    districtCode: r.district_code as string,
    streetCode: (r.street_code as string | null) ?? null,
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
