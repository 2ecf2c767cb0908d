import { localDate } from '@hotline/sla';
import type { CaseFacts } from './case-facts';
import { Metric, METRICS, metricPosition, MetricPosition } from './five-rates';

export const GROUP_BYS = ['unit', 'district', 'street', 'hotline', 'category', 'day'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Rollups are kept per grouping; `all` (one key) also serves the by-day view. */
export const GROUP_KINDS = ['unit', 'district', 'street', 'hotline', 'category', 'all'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Cases without a unit yet, or without a street, are grouped under this key. */
export const NONE = '-';

export function groupKey(f: CaseFacts, kind: GroupKind): string {
  switch (kind) {
    case 'unit':
      return f.unitCode ?? NONE;
    case 'district':
      return f.districtCode || NONE;
    case 'street':
      return f.streetCode ?? NONE;
    case 'hotline':
      return f.hotline;
    case 'category':
      return f.categoryCode.slice(0, 2) || NONE; // the top level (大类)
    case 'all':
      return 'all';
  }
}

/** One count a case adds to the rollups: metric × cohort day × grouping × state. */
export interface Contribution {
  metric: Metric;
  day: string;
  groupKind: GroupKind;
  groupKey: string;
  state: MetricPosition['state'];
}

export function contributions(f: CaseFacts | null): Contribution[] {
  if (!f) return [];
  return METRICS.flatMap((metric) => {
    const position = metricPosition(f, metric);
    if (!position) return [];
    const day = localDate(position.cohortAt);
    return GROUP_KINDS.map((groupKind) => ({
      metric,
      day,
      groupKind,
      groupKey: groupKey(f, groupKind),
      state: position.state,
    }));
  });
}

export interface RollupDelta extends Contribution {
  delta: number;
}

/** What changes in the rollups when a case's facts change: removed counts −1, added counts +1. */
export function rollupDelta(before: CaseFacts | null, after: CaseFacts | null): RollupDelta[] {
  const key = (c: Contribution) => `${c.metric}|${c.day}|${c.groupKind}|${c.groupKey}|${c.state}`;
  const deltas = new Map<string, RollupDelta>();
  for (const [list, sign] of [
    [contributions(before), -1],
    [contributions(after), 1],
  ] as const) {
    for (const c of list) {
      const k = key(c);
      const current = deltas.get(k) ?? { ...c, delta: 0 };
      current.delta += sign;
      deltas.set(k, current);
    }
  }
  return [...deltas.values()].filter((d) => d.delta !== 0);
}
