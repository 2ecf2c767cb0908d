import { addMs } from '@hotline/clock/domain';
import type { CaseFacts } from './case-facts';

/** The five 100% targets of docs/kpi.md, in the order the centre reports them. */
export const METRICS = [
  'onTimeDispatch',
  'dispatchAccuracy',
  'timelyResponse',
  'reasonableCallback',
  'trackedSupervision',
] as const;
export type Metric = (typeof METRICS)[number];

/** How long the centre has to issue a supervision order after a trigger. */
export const SUPERVISION_WITHIN_MS = 24 * 3600_000;

export type Outcome = 'hit' | 'miss' | 'pending';

/** Where a case stands for one metric: its cohort date (the deadline, or the dispatch for accuracy). */
export interface MetricPosition {
  cohortAt: Date;
  /** Time-independent facts: done on time, done late / returned, pending review, or still open. */
  state: 'hit' | 'miss' | 'pending' | 'open';
  /** For `open`: the deadline; after it, the case is a miss. */
  dueAt: Date | null;
  doneAt: Date | null;
}

/**
 * Each metric's cohort and state for one case. Only first-call cases count. A case is in a
 * metric's cohort when the metric applies to it; the cohort date is the metric's deadline.
 */
export function metricPosition(f: CaseFacts, metric: Metric): MetricPosition | null {
  if (!f.firstCall) return null;
  const byDeadline = (dueAt: Date, doneAt: Date | null): MetricPosition => ({
    cohortAt: dueAt,
    state: doneAt ? (doneAt <= dueAt ? 'hit' : 'miss') : 'open',
    dueAt,
    doneAt,
  });
  switch (metric) {
    case 'onTimeDispatch':
      return f.noDispatchNeeded ? null : byDeadline(f.dispatchDueAt, f.firstDispatchedAt);
    case 'dispatchAccuracy':
      if (!f.firstDispatchedAt) return null;
      return {
        cohortAt: f.firstDispatchedAt,
        state: f.firstDispatchReturned ? 'miss' : f.firstReturnPending ? 'pending' : 'hit',
        dueAt: null,
        doneAt: f.firstDispatchedAt,
      };
    case 'timelyResponse':
      return f.firstDispatchedAt && f.responseDueAt ? byDeadline(f.responseDueAt, f.respondedAt) : null;
    case 'reasonableCallback':
      return f.reasonable && f.callbackDueAt ? byDeadline(f.callbackDueAt, f.callbackDoneAt) : null;
    case 'trackedSupervision':
      return f.triggerAt ? byDeadline(addMs(f.triggerAt, SUPERVISION_WITHIN_MS), f.supervisedAt) : null;
  }
}

/** An open case is pending until its deadline, then a miss (docs/kpi.md). */
export function outcomeAt(position: MetricPosition, now: Date): Outcome {
  if (position.state === 'open') return position.dueAt && now < position.dueAt ? 'pending' : 'miss';
  return position.state;
}

export interface Rate {
  /** numerator ÷ denominator; null when the denominator is 0. */
  rate: number | null;
  numerator: number;
  denominator: number;
  pending: number;
}

export function rateOf(hits: number, misses: number, pending: number): Rate {
  const denominator = hits + misses;
  return { rate: denominator === 0 ? null : hits / denominator, numerator: hits, denominator, pending };
}

/** Why a case missed, in words a supervisor can act on. */
export function whyMissed(metric: Metric, p: MetricPosition): string {
  const late = p.doneAt && p.dueAt ? Math.round((p.doneAt.getTime() - p.dueAt.getTime()) / 60_000) : null;
  const lateText = late === null ? '' : ` (${late} min late)`;
  switch (metric) {
    case 'onTimeDispatch':
      return p.doneAt ? `dispatched after the dispatch deadline${lateText}` : 'not dispatched by the dispatch deadline';
    case 'dispatchAccuracy':
      return 'the first dispatch was returned (return approved)';
    case 'timelyResponse':
      return p.doneAt
        ? `citizen contacted after the response deadline${lateText}`
        : 'citizen not contacted by the response deadline';
    case 'reasonableCallback':
      return p.doneAt ? `callback after its deadline${lateText}` : 'no callback by the callback deadline';
    case 'trackedSupervision':
      return p.doneAt
        ? `supervision order issued more than 24 h after the trigger${lateText}`
        : 'no supervision order within 24 h of the trigger';
  }
}
