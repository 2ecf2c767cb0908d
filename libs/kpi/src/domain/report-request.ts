import type { RequesterKind } from '@hotline/cases/domain';
import { addMs, DAY_MS, dayStart, instant, localDate } from '@hotline/clock/domain';
import { DomainError } from '@hotline/core';

export interface Period {
  /** Beijing calendar days, from inclusive, to exclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

export interface Scope {
  /** A handler sees its own unit's figures only. */
  unitCode?: string;
}

/** What a report counts: the viewer's scope, narrowed by the request's own filters. */
export interface ReportFilter extends Scope {
  /** Only the demands of citizens, or of enterprises (docs/kpi.md). */
  requesterKind?: RequesterKind;
}

/** Longer periods than a year and a month are yearly reports, read from the CSV of each month. */
const MAX_PERIOD_DAYS = 400;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Beijing day a period's bound stands for: a day as given; a date-time, the day it falls in
 * (`from`), or the first day wholly after it (`to`, exclusive: 2026-12-01T00:00+08:00 is
 * 2026-12-01, a minute later 2026-12-02) — figures are kept per day, so a period covers whole days.
 */
export function periodDay(value: string, bound: 'from' | 'to'): string {
  const at = instant(value);
  // A day as it is; what is no date at all is refused by reportPeriod as not_a_date.
  if (DAY.test(value) || Number.isNaN(at.getTime())) return value;
  const day = localDate(at);
  return bound === 'to' && dayStart(day).getTime() !== at.getTime() ? localDate(addMs(dayStart(day), DAY_MS)) : day;
}

function instantOf(bound: string): number {
  return (DAY.test(bound) ? dayStart(bound) : instant(bound)).getTime();
}

/**
 * A report's period, checked: a real, non-empty span of at most MAX_PERIOD_DAYS days, its bounds
 * days or date-times (`periodDay`).
 */
export function reportPeriod(fromValue: string, toValue: string): Period {
  const from = periodDay(fromValue, 'from');
  const to = periodDay(toValue, 'to');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!Number.isFinite(days)) throw DomainError.invalidField('from', 'must be a real date', 'not_a_date');
  if (days <= 0 || instantOf(toValue) <= instantOf(fromValue))
    throw DomainError.invalidField('to', 'must be after from', 'not_after_from');
  if (days > MAX_PERIOD_DAYS)
    throw DomainError.invalidField('to', `the period may span at most ${MAX_PERIOD_DAYS} days`, 'period_too_long');
  return { from, to };
}

/**
 * Whose figures a viewer may read: the centre sees every unit; a handler only its own unit,
 * grouped by unit (the rollups keep one lead unit per case, so other groupings would leak).
 */
export function viewerScope(viewer: { role: string; unitCode: string | null }, groupBy?: string): Scope {
  if (viewer.role !== 'handler') return {};
  if (groupBy !== undefined && groupBy !== 'unit')
    throw DomainError.invalidField('groupBy', 'a handler sees its own unit’s figures, grouped by unit', 'unit_only');
  return { unitCode: viewer.unitCode ?? '' };
}
