import { Injectable } from '@nestjs/common';
import { addMs, dayStart, later } from '@hotline/clock';
import type { Page } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import type { CaseFacts } from './domain/case-facts';
import { type Metric, SUPERVISION_WITHIN_MS } from './domain/five-rates';
import type { GroupBy, GroupKind } from './domain/grouping';
import type { Period, ReportFilter } from './domain/report-request';
import { factsFromRow } from './kpi-projection.repository';

/** Counts of one metric for one group over a period, from the rollups (open: not yet decided by the clock). */
export interface RollupSum {
  key: string;
  metric: Metric;
  hit: number;
  miss: number;
  pending: number;
  /** Open items whose deadline day is before today: misses by now. */
  openPast: number;
  /** Open items whose deadline day is today or later. */
  openNow: number;
}

export interface CallbackSum {
  key: string;
  asked: number;
  solved: number;
  rated: number;
  satisfied: number;
}

export interface MissFilter {
  groupBy?: GroupBy;
  groupKey?: string;
  limit: number;
  offset: number;
}

const SUPERVISION_DUE = `(f.trigger_at + interval '${SUPERVISION_WITHIN_MS / 1000} seconds')`;

/**
 * Open items of each metric (SQL over kpi_case_facts): the indexed column their deadline comes from,
 * how long after it the deadline falls, and which facts are still open. Each condition implies its
 * partial index's predicate, and the deadline is compared through the bare column, so the count is
 * a range scan of that index alone.
 */
const OPEN: Record<Exclude<Metric, 'dispatchAccuracy'>, { column: string; afterMs: number; open: string }> = {
  onTimeDispatch: {
    column: 'f.dispatch_due_at',
    afterMs: 0,
    open: 'NOT f.no_dispatch_needed AND f.first_dispatched_at IS NULL',
  },
  // A response deadline is only ever set by a dispatch.
  timelyResponse: {
    column: 'f.response_due_at',
    afterMs: 0,
    open: 'f.response_due_at IS NOT NULL AND f.responded_at IS NULL',
  },
  reasonableCallback: {
    column: 'f.callback_due_at',
    afterMs: 0,
    open: 'f.reasonable AND f.callback_due_at IS NOT NULL AND f.callback_done_at IS NULL',
  },
  trackedSupervision: {
    column: 'f.trigger_at',
    afterMs: SUPERVISION_WITHIN_MS,
    open: 'f.trigger_at IS NOT NULL AND f.supervised_at IS NULL',
  },
};

/** Which cases of a metric missed, as SQL over kpi_case_facts: when it applies, its cohort date, the miss. */
const MISSED: Record<Metric, { applies: string; cohortAt: string; missed: string }> = {
  onTimeDispatch: {
    applies: 'NOT f.no_dispatch_needed',
    cohortAt: 'f.dispatch_due_at',
    missed:
      '(f.first_dispatched_at > f.dispatch_due_at OR (f.first_dispatched_at IS NULL AND f.dispatch_due_at <= :now))',
  },
  dispatchAccuracy: { applies: 'true', cohortAt: 'f.first_dispatched_at', missed: 'f.first_dispatch_returned' },
  timelyResponse: {
    applies: 'f.first_dispatched_at IS NOT NULL',
    cohortAt: 'f.response_due_at',
    missed: '(f.responded_at > f.response_due_at OR (f.responded_at IS NULL AND f.response_due_at <= :now))',
  },
  reasonableCallback: {
    applies: 'f.reasonable',
    cohortAt: 'f.callback_due_at',
    missed: '(f.callback_done_at > f.callback_due_at OR (f.callback_done_at IS NULL AND f.callback_due_at <= :now))',
  },
  trackedSupervision: {
    applies: 'f.trigger_at IS NOT NULL',
    cohortAt: SUPERVISION_DUE,
    missed: `(f.supervised_at > ${SUPERVISION_DUE} OR (f.supervised_at IS NULL AND ${SUPERVISION_DUE} <= :now))`,
  },
};

const GROUP_EXPRESSION: Record<GroupBy, string> = {
  unit: `coalesce(f.unit_code, '-')`,
  district: `f.district_code`,
  street: `coalesce(f.street_code, '-')`,
  hotline: 'f.hotline',
  category: `left(f.category_code, 2)`,
  day: '', // the cohort day, per metric
  requesterKind: 'f.requester_kind',
};

/** Which rollup rows a grouping reads, and what in them is its key: by day and by requester kind sum `all`. */
const ROLLUP_GROUPING: Record<GroupBy, { kind: GroupKind; key: string }> = {
  unit: { kind: 'unit', key: 'group_key' },
  district: { kind: 'district', key: 'group_key' },
  street: { kind: 'street', key: 'group_key' },
  hotline: { kind: 'hotline', key: 'group_key' },
  category: { kind: 'category', key: 'group_key' },
  day: { kind: 'all', key: `to_char(day, 'YYYY-MM-DD')` },
  requesterKind: { kind: 'all', key: 'requester_kind' },
};

/**
 * The rollup rows a report reads: its grouping's — or, for one unit's figures, that unit's (a handler sees
 * its own unit only) — narrowed to one requester kind when asked. Appends its parameters to `params`.
 */
function rollupRows(groupBy: GroupBy, filter: ReportFilter, params: unknown[]): { key: string; where: string } {
  const { kind, key } = ROLLUP_GROUPING[groupBy];
  const at = (value: unknown) => `$${params.push(value)}`;
  const where = [`group_kind = ${at(filter.unitCode ? 'unit' : kind)}`];
  if (filter.unitCode) where.push(`group_key = ${at(filter.unitCode)}`);
  if (filter.requesterKind) where.push(`requester_kind = ${at(filter.requesterKind)}`);
  return { key, where: where.join(' AND ') };
}

/** Conditions on `kpi_case_facts f` narrowing it to `filter`, each after an AND (parameters appended to `params`). */
function factsNarrowedTo(filter: ReportFilter, params: unknown[]): string {
  const at = (value: unknown) => `$${params.push(value)}`;
  return [
    ...(filter.unitCode ? [`AND f.unit_code = ${at(filter.unitCode)}`] : []),
    ...(filter.requesterKind ? [`AND f.requester_kind = ${at(filter.requesterKind)}`] : []),
  ].join(' ');
}

/**
 * The KPI reports' reads of `kpi_case_facts`, `kpi_rollups` and `kpi_callback_rollups` (never of raw
 * events): a period's counts are summed per group from the rollups; only the open items whose
 * deadline falls today are looked up in the facts, through partial indexes.
 */
@Injectable()
export class KpiReportsRepository {
  constructor(private readonly db: TransactionService) {}

  /** The rollups' counts per group (or per day) and metric, as narrowed by `filter`. */
  async rollupSums(groupBy: GroupBy, period: Period, today: string, filter: ReportFilter): Promise<RollupSum[]> {
    const params: unknown[] = [period.from, period.to, today];
    const { key, where } = rollupRows(groupBy, filter, params);
    const rows: {
      key: string;
      metric: Metric;
      hit: string;
      miss: string;
      pending: string;
      open_past: string | null;
      open_now: string | null;
    }[] = await this.db.manager.query(
      `SELECT ${key} AS key, metric,
                sum(hit) AS hit, sum(miss) AS miss, sum(pending) AS pending,
                sum(open) FILTER (WHERE day < $3) AS open_past, sum(open) FILTER (WHERE day >= $3) AS open_now
           FROM kpi_rollups
          WHERE day >= $1 AND day < $2 AND ${where}
          GROUP BY 1, 2
         -- counts moved away (a case answered after registration …) leave zero rows behind
         HAVING sum(hit) + sum(miss) + sum(pending) + sum(open) > 0`,
      params,
    );
    return rows.map((r) => ({
      key: r.key,
      metric: r.metric,
      hit: Number(r.hit),
      miss: Number(r.miss),
      pending: Number(r.pending),
      openPast: Number(r.open_past ?? 0),
      openNow: Number(r.open_now ?? 0),
    }));
  }

  /**
   * Open items whose deadline fell today, up to `now` (earlier days' open items are misses already),
   * per `key|metric`.
   */
  async openMissedToday(
    period: Period,
    groupBy: GroupBy,
    filter: ReportFilter,
    now: Date,
    today: string,
  ): Promise<Map<string, number>> {
    const from = later(dayStart(today), dayStart(period.from));
    const result = new Map<string, number>();
    if (from > now || from >= dayStart(period.to)) return result;
    const params: unknown[] = [];
    const narrow = factsNarrowedTo(filter, params);
    const parts = Object.entries(OPEN).map(([metric, { column, afterMs, open }]) => {
      const due = afterMs ? `(${column} + interval '${afterMs / 1000} seconds')` : column;
      const key =
        groupBy === 'day' ? `to_char(${due} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')` : GROUP_EXPRESSION[groupBy];
      // Deadlines from `from` up to `now` inclusive (a deadline reached without the thing done is a
      // miss, docs/kpi.md) and before the period's end — as bounds on the column itself.
      const shift = (at: Date) => addMs(at, -afterMs);
      params.push(shift(from), shift(now), shift(dayStart(period.to)));
      const [a, b, c] = [params.length - 2, params.length - 1, params.length];
      return `SELECT '${metric}' AS metric, ${key} AS key, count(*) AS n FROM kpi_case_facts f
               WHERE f.first_call AND ${open} AND ${column} >= $${a} AND ${column} <= $${b} AND ${column} < $${c} ${narrow}
               GROUP BY 2`;
    });
    const rows: { metric: string; key: string; n: string }[] = await this.db.manager.query(
      parts.join(' UNION ALL '),
      params,
    );
    for (const r of rows) result.set(`${r.key}|${r.metric}`, Number(r.n));
    return result;
  }

  /** The facts of the cases that missed `metric` in the period (optionally one group's), by case number. */
  async missedFacts(
    metric: Metric,
    period: Period,
    filter: MissFilter,
    narrowing: ReportFilter,
    now: Date,
  ): Promise<Page<CaseFacts>> {
    const m = MISSED[metric];
    const query = this.db.manager
      .createQueryBuilder()
      .select('f.*')
      .from('kpi_case_facts', 'f')
      .where(`f.first_call AND ${m.applies} AND ${m.cohortAt} >= :from AND ${m.cohortAt} < :to AND ${m.missed}`, {
        from: dayStart(period.from),
        to: dayStart(period.to),
        now,
      });
    if (narrowing.unitCode) query.andWhere('f.unit_code = :unit', { unit: narrowing.unitCode });
    if (narrowing.requesterKind) query.andWhere('f.requester_kind = :kind', { kind: narrowing.requesterKind });
    if (filter.groupBy && filter.groupKey !== undefined) {
      if (filter.groupBy === 'day') {
        query.andWhere(`to_char(${m.cohortAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') = :key`, {
          key: filter.groupKey,
        });
      } else {
        query.andWhere(`${GROUP_EXPRESSION[filter.groupBy]} = :key`, { key: filter.groupKey });
      }
    }
    const total = Number((await query.clone().select('count(*)', 'n').getRawOne<{ n: string }>())?.n ?? 0);
    const rows: Record<string, unknown>[] = await query
      .orderBy('f.case_number')
      .limit(filter.limit)
      .offset(filter.offset)
      .getRawMany();
    return { total, items: rows.map(factsFromRow) };
  }

  /** Callbacks that reached the citizen, per group (or day), over the period, as narrowed by `filter`. */
  async callbackSums(groupBy: GroupBy, period: Period, filter: ReportFilter): Promise<CallbackSum[]> {
    const params: unknown[] = [period.from, period.to];
    const { key, where } = rollupRows(groupBy, filter, params);
    const rows: { key: string; asked: string; solved: string; rated: string; satisfied: string }[] =
      await this.db.manager.query(
        `SELECT ${key} AS key,
              sum(asked_solved) AS asked, sum(solved) AS solved, sum(rated) AS rated, sum(satisfied) AS satisfied
         FROM kpi_callback_rollups WHERE day >= $1 AND day < $2 AND ${where}
        GROUP BY 1`,
        params,
      );
    return rows.map((r) => ({
      key: r.key,
      asked: Number(r.asked),
      solved: Number(r.solved),
      rated: Number(r.rated),
      satisfied: Number(r.satisfied),
    }));
  }
}
