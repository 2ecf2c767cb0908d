import type { RequesterKind } from '@hotline/cases/domain';
import { localDate } from '@hotline/clock/domain';
import type { CaseFacts, FactEvent } from './case-facts';
import { Metric, METRICS, metricPosition, MetricPosition } from './five-rates';

export const GROUP_BYS = ['unit', 'district', 'street', 'hotline', 'category', 'day', 'requesterKind'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/**
 * Rollups are kept per grouping; `all` (one key) also serves the by-day view. Every count also carries
 * the case's requester kind, so any grouping can be narrowed to one kind, and `all` grouped by it.
 */
export const GROUP_KINDS = ['unit', 'district', 'street', 'hotline', 'category', 'all'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Cases without a unit yet, or without a street, are grouped under this key. */
export const NONE = '-';

export function groupKey(f: CaseFacts, kind: GroupKind | 'requesterKind'): string {
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
    case 'requesterKind':
      return f.requesterKind;
    case 'all':
      return 'all';
  }
}

/** One count a case adds to the rollups: metric × cohort day × grouping × requester kind × state. */
export interface Contribution {
  metric: Metric;
  day: string;
  groupKind: GroupKind;
  groupKey: string;
  requesterKind: RequesterKind;
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
      requesterKind: f.requesterKind,
      state: position.state,
    }));
  });
}

export interface RollupDelta extends Contribution {
  delta: number;
}

/** What changes in the rollups when a case's facts change: removed counts −1, added counts +1. */
export function rollupDelta(before: CaseFacts | null, after: CaseFacts | null): RollupDelta[] {
  const key = (c: Contribution) => `${c.metric}|${c.day}|${c.groupKind}|${c.groupKey}|${c.requesterKind}|${c.state}`;
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

/** What one callback that reached the citizen adds to the three rates, per grouping (docs/kpi.md). */
export interface CallbackContribution {
  groupKind: GroupKind;
  day: string;
  groupKey: string;
  requesterKind: RequesterKind;
  asked: number;
  solved: number;
  rated: number;
  satisfied: number;
}

/** Callbacks count on the day they were made, for first-call cases, reached citizens only. */
export function callbackContributions(f: CaseFacts | null, e: FactEvent): CallbackContribution[] {
  if (!f?.firstCall || e.name !== 'callback_recorded' || e.data.reached !== true) return [];
  const { solved, satisfaction } = e.data;
  return GROUP_KINDS.map((groupKind) => ({
    groupKind,
    day: localDate(e.time),
    groupKey: groupKey(f, groupKind),
    requesterKind: f.requesterKind,
    asked: typeof solved === 'boolean' ? 1 : 0,
    solved: solved === true ? 1 : 0,
    rated: typeof satisfaction === 'string' ? 1 : 0,
    satisfied: satisfaction === 'satisfied' || satisfaction === 'basically_satisfied' ? 1 : 0,
  }));
}
