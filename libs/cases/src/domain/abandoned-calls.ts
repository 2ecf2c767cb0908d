import { addMs, MINUTE_MS } from '@hotline/clock/domain';
import { heldByOther } from './claims';
import { DomainError } from '@hotline/core';

/**
 * Calling back abandoned calls (漏接回拨, docs/product.md, "Calling back abandoned calls"): every call the
 * caller hung up on before an agent answered is due a call back; an agent claims it so that two agents do
 * not ring the same citizen, and records whether the citizen was reached. A caller who got through on a
 * later call needs no call back: that call settles it (`got_through`).
 */
export const CALL_BACK_OUTCOMES = ['reached', 'unreachable', 'got_through'] as const;
export type CallBackOutcome = (typeof CALL_BACK_OUTCOMES)[number];

/** What an agent records; `got_through` is the system's. */
export const AGENT_CALL_BACK_OUTCOMES = ['reached', 'unreachable'] as const;

export interface CallBackState {
  status: string;
  callBackDueAt: Date | null;
  callBackClaimedBy: string | null;
  callBackClaimedAt: Date | null;
  calledBackAt: Date | null;
}

export function callBackDue(abandonedAt: Date, minutes: number): Date {
  return addMs(abandonedAt, minutes * MINUTE_MS);
}

function assertOpen(call: CallBackState): void {
  if (call.status !== 'abandoned' || call.callBackDueAt === null) {
    throw new DomainError('call.not_abandoned', 'Only an abandoned call is called back');
  }
  if (call.calledBackAt) throw new DomainError('call.already_called_back', 'The call was already called back');
}

/**
 * An agent claims, or records, an open call back nobody else holds (a lapsed claim is free; claiming
 * one's own again renews it).
 */
export function assertCanCallBack(call: CallBackState, userId: string | null, now: Date): void {
  assertOpen(call);
  if (heldByOther({ claimedBy: call.callBackClaimedBy, claimedAt: call.callBackClaimedAt }, userId, now)) {
    throw new DomainError('call.claimed_by_other', 'Another agent is calling this caller back');
  }
}
