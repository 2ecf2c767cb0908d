import type { RequesterKind } from '@hotline/cases/domain';
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

/** A report's period, checked: a real, non-empty span of at most MAX_PERIOD_DAYS days. */
export function reportPeriod(from: string, to: string): Period {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!Number.isFinite(days)) throw DomainError.invalidField('from', 'must be a real date', 'not_a_date');
  if (days <= 0) throw DomainError.invalidField('to', 'must be after from', 'not_after_from');
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
