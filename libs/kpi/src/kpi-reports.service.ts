import { Injectable } from '@nestjs/common';
import { Clock, localDate } from '@hotline/clock';
import { Page } from '@hotline/core';
import { ReferenceDataService, ReferenceSnapshot } from '@hotline/directory';
import { Metric, METRICS, metricPosition, Rate, rateOf, whyMissed } from './domain/five-rates';
import { GroupBy } from './domain/grouping';
import { type GroupRates, monthPeriods, rankGroups, type ReportRow } from './domain/monthly-report';
import { Period, ReportFilter } from './domain/report-request';
import { KpiReportsRepository, MissFilter } from './kpi-reports.repository';

export type FiveRatesRow = { groupKey: string; groupName: string } & Record<Metric, Rate>;

export interface MissedCase {
  caseId: string;
  caseNumber: string;
  unitCode: string | null;
  dueAt: string | null;
  doneAt: string | null;
  why: string;
}

export interface MonthlyReport {
  month: string;
  previousMonth: string;
  groupBy: 'unit' | 'district';
  items: ReportRow[];
}

export interface ThreeRatesRow {
  groupKey: string;
  groupName: string;
  response: Rate;
  resolution: Rate;
  satisfaction: Rate;
}

/**
 * The five rates, the three rates and their drill-down (docs/kpi.md), from the projection's rollups:
 * the stored counts plus the open items the clock has turned into misses today.
 */
@Injectable()
export class KpiReportsService {
  constructor(
    private readonly reports: KpiReportsRepository,
    private readonly reference: ReferenceDataService,
    private readonly clock: Clock,
  ) {}

  async fiveRates(
    period: Period,
    groupBy: GroupBy,
    filter: ReportFilter,
    asOf = this.clock.now(),
  ): Promise<FiveRatesRow[]> {
    const today = localDate(asOf);
    const sums = await this.reports.rollupSums(groupBy, period, today, filter);
    const missedToday = await this.reports.openMissedToday(period, groupBy, filter, asOf, today);
    const rows = new Map<string, Record<Metric, { hit: number; miss: number; pending: number }>>();
    for (const s of sums) {
      const row = rows.get(s.key) ?? emptyCounts();
      const lateToday = missedToday.get(`${s.key}|${s.metric}`) ?? 0;
      row[s.metric].hit += s.hit;
      row[s.metric].miss += s.miss + s.openPast + lateToday;
      row[s.metric].pending += s.pending + s.openNow - lateToday;
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

  /** The cases that missed a metric in the period, with why (drill-down). */
  async misses(
    metric: Metric,
    period: Period,
    filter: MissFilter,
    narrowing: ReportFilter,
    asOf = this.clock.now(),
  ): Promise<Page<MissedCase>> {
    const page = await this.reports.missedFacts(metric, period, filter, narrowing, asOf);
    return {
      total: page.total,
      items: page.items.map((facts) => {
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

  /** 响应率 / 解决率 / 满意率 (docs/kpi.md): response = timely response; the others from callbacks that reached the citizen. */
  async threeRates(
    period: Period,
    groupBy: GroupBy,
    filter: ReportFilter,
    asOf = this.clock.now(),
  ): Promise<ThreeRatesRow[]> {
    return this.threeRatesOf(await this.fiveRates(period, groupBy, filter, asOf), period, groupBy, filter);
  }

  /** The three rates beside five rates already read for the same period, grouping and filter. */
  private async threeRatesOf(
    five: readonly FiveRatesRow[],
    period: Period,
    groupBy: GroupBy,
    filter: ReportFilter,
  ): Promise<ThreeRatesRow[]> {
    const callbacks = await this.reports.callbackSums(groupBy, period, filter);
    const byKey = new Map(callbacks.map((c) => [c.key, c]));
    const keys = [...new Set([...five.map((r) => r.groupKey), ...byKey.keys()])].sort();
    const snapshot = await this.reference.snapshot();
    return keys.map((key) => {
      const c = byKey.get(key) ?? { asked: 0, solved: 0, rated: 0, satisfied: 0 };
      return {
        groupKey: key,
        groupName: groupName(groupBy, key, snapshot),
        response: five.find((r) => r.groupKey === key)?.timelyResponse ?? rateOf(0, 0, 0),
        resolution: rateOf(c.solved, c.asked - c.solved, 0),
        satisfaction: rateOf(c.satisfied, c.rated - c.satisfied, 0),
      };
    });
  }

  /**
   * The monthly 点评 (docs/kpi.md, "Monthly review"): the month's five and three rates per unit or district — the
   * same numbers `fiveRates` and `threeRates` give for that month — ranked, with last month's change.
   */
  async monthly(month: string, groupBy: 'unit' | 'district', filter: ReportFilter): Promise<MonthlyReport> {
    const { current, previous, previousMonth } = monthPeriods(month);
    const ratesOf = async (period: Period): Promise<GroupRates[]> => {
      const five = await this.fiveRates(period, groupBy, filter);
      const three = await this.threeRatesOf(five, period, groupBy, filter);
      const threeByKey = new Map(three.map((t) => [t.groupKey, t]));
      return five.map(({ groupKey, groupName, ...metrics }) => {
        const t = threeByKey.get(groupKey);
        const none = rateOf(0, 0, 0);
        return {
          groupKey,
          groupName,
          rates: {
            ...metrics,
            response: t?.response ?? none,
            resolution: t?.resolution ?? none,
            satisfaction: t?.satisfaction ?? none,
          },
        };
      });
    };
    const [now, before] = await Promise.all([ratesOf(current), ratesOf(previous)]);
    return { month, previousMonth, groupBy, items: rankGroups(now, before) };
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
    case 'requesterKind':
      return REQUESTER_KIND_NAMES[key] ?? key;
  }
}

const REQUESTER_KIND_NAMES: Readonly<Record<string, string>> = { citizen: '市民', enterprise: '企业' };
