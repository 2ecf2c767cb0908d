import { localDate } from '@hotline/clock/domain';
import type { CaseFacts } from './case-facts';
import { Metric, METRICS, metricPosition, outcomeAt, Rate, rateOf } from './five-rates';
import { GroupBy, groupKey } from './grouping';

export type ReferenceRatesRow = { groupKey: string } & Record<Metric, Rate>;

/**
 * The five rates computed the plain way, case by case (docs/kpi.md): a case counts in a metric's
 * cohort when the metric's cohort date falls in [from, to) (Beijing days); pending cases count in
 * neither numerator nor denominator. The projection's fast answer must always equal this.
 */
export function fiveRatesReference(
  facts: readonly CaseFacts[],
  from: string,
  to: string,
  groupBy: GroupBy,
  now: Date,
): ReferenceRatesRow[] {
  const counts = new Map<string, Record<Metric, { hit: number; miss: number; pending: number }>>();
  for (const f of facts) {
    for (const metric of METRICS) {
      const position = metricPosition(f, metric);
      if (!position) continue;
      const day = localDate(position.cohortAt);
      if (day < from || day >= to) continue;
      const key = groupBy === 'day' ? day : groupKey(f, groupBy);
      const row = counts.get(key) ?? emptyCounts();
      row[metric][outcomeAt(position, now)] += 1;
      counts.set(key, row);
    }
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, row]) => ({
      groupKey: key,
      ...(Object.fromEntries(METRICS.map((m) => [m, rateOf(row[m].hit, row[m].miss, row[m].pending)])) as Record<
        Metric,
        Rate
      >),
    }));
}

function emptyCounts(): Record<Metric, { hit: number; miss: number; pending: number }> {
  return Object.fromEntries(METRICS.map((m) => [m, { hit: 0, miss: 0, pending: 0 }])) as Record<
    Metric,
    { hit: number; miss: number; pending: number }
  >;
}
