/** Telephony call events (docs/events.md `hotline.calls.v1`) folded into one call record. */
export const CALL_EVENT_KINDS = ['offered', 'answered', 'ended', 'abandoned', 'transferred', 'overflowed'] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];
export type CallStatus = 'offered' | 'answered' | 'ended' | 'abandoned' | 'transferred';

export interface CallTimeline {
  offeredAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  abandonedAt: Date | null;
  transferredAt: Date | null;
}

const FINISHING: readonly CallEventKind[] = ['ended', 'abandoned', 'transferred'];
const STAMP: Record<Exclude<CallEventKind, 'overflowed'>, keyof CallTimeline> = {
  offered: 'offeredAt',
  answered: 'answeredAt',
  ended: 'endedAt',
  abandoned: 'abandonedAt',
  transferred: 'transferredAt',
};

/** A call's status follows from what happened to it, not from the order events arrived in. */
export function callStatus(t: CallTimeline): CallStatus {
  if (t.abandonedAt) return 'abandoned';
  if (t.transferredAt) return 'transferred';
  if (t.endedAt) return 'ended';
  if (t.answeredAt) return 'answered';
  return 'offered';
}

/**
 * Applies one event, whatever order events arrive in: each moment is recorded once (the first
 * report wins), and a finished call is never turned into another kind of finish by a late event.
 * Returns the same timeline object when the event changes nothing.
 */
export function applyCallEvent(timeline: CallTimeline, kind: CallEventKind, at: Date): CallTimeline {
  if (kind === 'overflowed') return timeline.offeredAt ? timeline : { ...timeline, offeredAt: at };
  const finished = callStatus(timeline) !== 'offered' && callStatus(timeline) !== 'answered';
  if (finished && FINISHING.includes(kind) && !timeline[STAMP[kind]]) return timeline;
  const field = STAMP[kind];
  if (timeline[field]) return timeline;
  return { ...timeline, [field]: at };
}

/**
 * An agent took the call (POST /calls): it was offered when it started and answered now. Joins
 * what telephony reported of the same call, in whatever order the two arrive (applyCallEvent).
 */
export function takenByAgent(timeline: CallTimeline, startedAt: Date, answeredAt: Date): CallTimeline {
  return applyCallEvent(applyCallEvent(timeline, 'offered', startedAt), 'answered', answeredAt);
}
