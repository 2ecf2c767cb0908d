import { DomainError } from '@hotline/core';
import { type Metric, METRICS, type Rate } from './five-rates';
import type { Period } from './report-request';

/** The monthly 点评 (docs/kpi.md, "Monthly review"): each group's rates, their change, its rank. */
export const THREE_RATES = ['response', 'resolution', 'satisfaction'] as const;
export type ThreeRate = (typeof THREE_RATES)[number];
export type RateName = Metric | ThreeRate;

export interface GroupRates {
  groupKey: string;
  groupName: string;
  rates: Record<RateName, Rate>;
}

export interface ReportRow extends GroupRates {
  /** 1 = best; groups with the same score share a rank; a group with no score comes last. */
  rank: number;
  /** The mean of the five rates that have a denominator; null when none has. */
  score: number | null;
  /** This month's rate minus last month's, per rate; null when either month has no rate. */
  change: Record<RateName, number | null>;
  /** The rates with the most misses this month (most first, at most three), for the review's remarks. */
  worstMisses: { rate: RateName; misses: number }[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month (`YYYY-MM`, Beijing) as a report period, and the month before it. */
export function monthPeriods(month: string): { current: Period; previous: Period; previousMonth: string } {
  const m = MONTH.exec(month);
  if (!m) throw DomainError.invalidField('month', 'must be a month, YYYY-MM', 'not_a_month');
  const months = Number(m[1]) * 12 + Number(m[2]) - 1;
  const label = (offset: number) => {
    const at = months + offset;
    return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
  };
  return {
    current: { from: `${month}-01`, to: `${label(1)}-01` },
    previous: { from: `${label(-1)}-01`, to: `${month}-01` },
    previousMonth: label(-1),
  };
}

/** Ranks this month's groups by their score and compares each rate with last month's. */
export function rankGroups(current: readonly GroupRates[], previous: readonly GroupRates[]): ReportRow[] {
  const before = new Map(previous.map((g) => [g.groupKey, g]));
  const scored = current.map((g) => ({ g, score: scoreOf(g.rates) }));
  const ordered = [...scored].sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || a.g.groupKey.localeCompare(b.g.groupKey),
  );
  return ordered.map(({ g, score }) => ({
    ...g,
    rank: score === null ? ordered.length : 1 + ordered.filter((o) => o.score !== null && o.score > score).length,
    score,
    change: changeOf(g.rates, before.get(g.groupKey)?.rates),
    worstMisses: worstMissesOf(g.rates),
  }));
}

function scoreOf(rates: Record<RateName, Rate>): number | null {
  const known = METRICS.map((m) => rates[m].rate).filter((r): r is number => r !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

function changeOf(now: Record<RateName, Rate>, before?: Record<RateName, Rate>): Record<RateName, number | null> {
  const names = [...METRICS, ...THREE_RATES];
  return Object.fromEntries(
    names.map((n) => {
      const a = now[n].rate;
      const b = before?.[n].rate ?? null;
      return [n, a === null || b === null ? null : a - b];
    }),
  ) as Record<RateName, number | null>;
}

function worstMissesOf(rates: Record<RateName, Rate>): { rate: RateName; misses: number }[] {
  return [...METRICS, ...THREE_RATES]
    .map((rate) => ({ rate, misses: rates[rate].denominator - rates[rate].numerator }))
    .filter((m) => m.misses > 0)
    .sort((a, b) => b.misses - a.misses)
    .slice(0, 3);
}
