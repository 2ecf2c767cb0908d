import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Page } from '@hotline/core';
import { ReferenceCache, ReferenceSnapshot } from '@hotline/directory';
import { addMs, Clock, dayStart, later, localDate } from '@hotline/clock';
import { Metric, METRICS, metricPosition, Rate, rateOf, SUPERVISION_WITHIN_MS, whyMissed } from './domain/five-rates';
import { GroupBy } from './domain/grouping';
import { Period, Scope } from './domain/report-request';
import { factsFromRow } from './kpi-projection.service';

export type FiveRatesRow = { groupKey: string; groupName: string } & Record<Metric, Rate>;

export interface MissedCase {
  caseId: string;
  caseNumber: string;
  unitCode: string | null;
  dueAt: string | null;
  doneAt: string | null;
  why: string;
}

export interface ThreeRatesRow {
  groupKey: string;
  groupName: string;
  response: Rate;
  resolution: Rate;
  satisfaction: Rate;
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
};

/**
 * The five rates, the three rates and the live figures, read from the projection's rollups (never
 * from raw events): a period's counts are summed per group; only the open items whose deadline
 * passed today are looked up in the facts, to split them into misses and pending.
 */
@Injectable()
export class KpiQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceCache,
    private readonly clock: Clock,
  ) {}

  async fiveRates(period: Period, groupBy: GroupBy, scope: Scope, asOf = this.clock.now()): Promise<FiveRatesRow[]> {
    const today = localDate(asOf);
    const kind = groupBy === 'day' ? 'all' : groupBy;
    const unitFilter = scope.unitCode ? 'AND group_key = $5' : '';
    const sums: {
      key: string;
      metric: Metric;
      hit: string;
      miss: string;
      pending: string;
      open_past: string | null;
      open_now: string | null;
    }[] = await this.dataSource.query(
      `SELECT ${groupBy === 'day' ? `to_char(day, 'YYYY-MM-DD')` : 'group_key'} AS key, metric,
                sum(hit) AS hit, sum(miss) AS miss, sum(pending) AS pending,
                sum(open) FILTER (WHERE day < $4) AS open_past, sum(open) FILTER (WHERE day >= $4) AS open_now
           FROM kpi_rollups
          WHERE group_kind = $1 AND day >= $2 AND day < $3 ${unitFilter}
          GROUP BY 1, 2
         -- counts moved away (a case answered after registration …) leave zero rows behind
         HAVING sum(hit) + sum(miss) + sum(pending) + sum(open) > 0`,
      [scope.unitCode ? 'unit' : kind, period.from, period.to, today, ...(scope.unitCode ? [scope.unitCode] : [])],
    );
    const missedToday = await this.openMissedToday(period, groupBy, scope, asOf, today);
    const rows = new Map<string, Record<Metric, { hit: number; miss: number; pending: number }>>();
    for (const s of sums) {
      const row = rows.get(s.key) ?? emptyCounts();
      const lateToday = missedToday.get(`${s.key}|${s.metric}`) ?? 0;
      row[s.metric].hit += Number(s.hit);
      row[s.metric].miss += Number(s.miss) + Number(s.open_past ?? 0) + lateToday;
      row[s.metric].pending += Number(s.pending) + Number(s.open_now ?? 0) - lateToday;
      rows.set(s.key, row);
    }
    const snapshot = await this.reference.snapshot();
    return [...rows.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, counts]) => ({
        groupKey: key,
        groupName: groupName(groupBy, key, snapshot),
        ...(Object.fromEntries(
          METRICS.map((m) => [m, rateOf(counts[m].hit, counts[m].miss, counts[m].pending)]),
        ) as Record<Metric, Rate>),
      }));
  }

  /** Open items whose deadline fell today, up to `now` (earlier days' open items are misses already). */
  private async openMissedToday(
    period: Period,
    groupBy: GroupBy,
    scope: Scope,
    now: Date,
    today: string,
  ): Promise<Map<string, number>> {
    const from = later(dayStart(today), dayStart(period.from));
    const result = new Map<string, number>();
    if (from > now || from >= dayStart(period.to)) return result;
    const unit = scope.unitCode ? 'AND f.unit_code = $1' : '';
    const params: unknown[] = scope.unitCode ? [scope.unitCode] : [];
    const parts = Object.entries(OPEN).map(([metric, { column, afterMs, open }]) => {
      const due = afterMs ? `(${column} + interval '${afterMs / 1000} seconds')` : column;
      const key =
        groupBy === 'day' ? `to_char(${due} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')` : GROUP_EXPRESSION[groupBy];
      // Deadlines from `from` up to `now` inclusive (a deadline reached without the thing done is a
      // miss, SPEC §5) and before the period's end — as bounds on the column itself.
      const shift = (at: Date) => addMs(at, -afterMs);
      params.push(shift(from), shift(now), shift(dayStart(period.to)));
      const [a, b, c] = [params.length - 2, params.length - 1, params.length];
      return `SELECT '${metric}' AS metric, ${key} AS key, count(*) AS n FROM kpi_case_facts f
               WHERE f.first_call AND ${open} AND ${column} >= $${a} AND ${column} <= $${b} AND ${column} < $${c} ${unit}
               GROUP BY 2`;
    });
    const rows: { metric: string; key: string; n: string }[] = await this.dataSource.query(
      parts.join(' UNION ALL '),
      params,
    );
    for (const r of rows) result.set(`${r.key}|${r.metric}`, Number(r.n));
    return result;
  }

  /** The cases that missed a metric in the period, with why (drill-down). */
  async misses(
    metric: Metric,
    period: Period,
    filter: { groupBy?: GroupBy; groupKey?: string; limit: number; offset: number },
    scope: Scope,
    now = this.clock.now(),
  ): Promise<Page<MissedCase>> {
    const m = MISSED[metric];
    const query = this.dataSource
      .createQueryBuilder()
      .select('f.*')
      .from('kpi_case_facts', 'f')
      .where(`f.first_call AND ${m.applies} AND ${m.cohortAt} >= :from AND ${m.cohortAt} < :to AND ${m.missed}`, {
        from: dayStart(period.from),
        to: dayStart(period.to),
        now,
      });
    if (scope.unitCode) query.andWhere('f.unit_code = :unit', { unit: scope.unitCode });
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
    return {
      total,
      items: rows.map((row) => {
        const facts = factsFromRow(row);
        const position = metricPosition(facts, metric)!;
        return {
          caseId: facts.caseId,
          caseNumber: facts.caseNumber,
          unitCode: facts.unitCode,
          dueAt: position.dueAt?.toISOString() ?? null,
          doneAt: position.doneAt?.toISOString() ?? null,
          why: whyMissed(metric, position),
        };
      }),
    };
  }

  /** 响应率 / 解决率 / 满意率 (SPEC §5): response = timely response; the others from callbacks that reached the citizen. */
  async threeRates(period: Period, groupBy: GroupBy, scope: Scope, now = this.clock.now()): Promise<ThreeRatesRow[]> {
    const five = await this.fiveRates(period, groupBy, scope, now);
    const kind = scope.unitCode ? 'unit' : groupBy === 'day' ? 'all' : groupBy;
    const callbacks: { key: string; asked: string; solved: string; rated: string; satisfied: string }[] =
      await this.dataSource.query(
        `SELECT ${groupBy === 'day' ? `to_char(day, 'YYYY-MM-DD')` : 'group_key'} AS key,
              sum(asked_solved) AS asked, sum(solved) AS solved, sum(rated) AS rated, sum(satisfied) AS satisfied
         FROM kpi_callback_rollups WHERE group_kind = $1 AND day >= $2 AND day < $3 ${scope.unitCode ? 'AND group_key = $4' : ''}
        GROUP BY 1`,
        [kind, period.from, period.to, ...(scope.unitCode ? [scope.unitCode] : [])],
      );
    const byKey = new Map(callbacks.map((c) => [c.key, c]));
    const keys = [...new Set([...five.map((r) => r.groupKey), ...byKey.keys()])].sort();
    const snapshot = await this.reference.snapshot();
    return keys.map((key) => {
      const c = byKey.get(key);
      const asked = Number(c?.asked ?? 0);
      const rated = Number(c?.rated ?? 0);
      return {
        groupKey: key,
        groupName: groupName(groupBy, key, snapshot),
        response: five.find((r) => r.groupKey === key)?.timelyResponse ?? rateOf(0, 0, 0),
        resolution: rateOf(Number(c?.solved ?? 0), asked - Number(c?.solved ?? 0), 0),
        satisfaction: rateOf(Number(c?.satisfied ?? 0), rated - Number(c?.satisfied ?? 0), 0),
      };
    });
  }
}

function emptyCounts(): Record<Metric, { hit: number; miss: number; pending: number }> {
  return Object.fromEntries(METRICS.map((m) => [m, { hit: 0, miss: 0, pending: 0 }])) as Record<
    Metric,
    { hit: number; miss: number; pending: number }
  >;
}

function groupName(groupBy: GroupBy, key: string, snapshot: ReferenceSnapshot): string {
  if (key === '-') return groupBy === 'unit' ? '未派单' : '未填写';
  switch (groupBy) {
    case 'unit':
    case 'district':
    case 'street':
      return snapshot.units.get(key)?.name ?? key;
    case 'hotline':
      return snapshot.hotlines.get(key)?.name ?? key;
    case 'category':
      return snapshot.categories.get(key)?.name ?? key;
    case 'day':
      return key;
  }
}
