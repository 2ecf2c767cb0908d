import { addMs, HOUR_MS, MINUTE_MS } from '@hotline/clock/domain';
import type { Channel } from '@hotline/cases/domain';

/**
 * Online demands wait for an agent before they are cases (docs/product.md, "Online intake"): a web or
 * app form, or an Open311 client, files a submission; an agent accepts it (classified and
 * registered like a call) or answers it. Rules as data.
 */
export const SUBMISSION_CHANNELS = ['web', 'app', 'open311'] as const;
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number];

export const SUBMISSION_STATUSES = ['waiting', 'accepted', 'answered'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** An online demand is accepted (or answered) within two hours of arriving. */
export const ACCEPTANCE_HOURS = 2;

/** Warned like the other clocks: in its last quarter (30 of 120 minutes) a submission is due soon. */
export const DUE_SOON_MS = 30 * MINUTE_MS;

export function acceptanceDueAt(submittedAt: Date): Date {
  return addMs(submittedAt, ACCEPTANCE_HOURS * HOUR_MS);
}

export type DueBand = 'overdue' | 'due_soon' | 'in_time';

/** Where a waiting submission stands against its acceptance deadline. */
export function dueBand(dueAt: Date, now: Date): DueBand {
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due_soon' : 'in_time';
}

/** The channel its case is registered with: an Open311 client is a web front door. */
export function caseChannelOf(channel: SubmissionChannel): Channel {
  return channel === 'app' ? 'app' : 'web';
}
