import { DomainError } from '@hotline/core';
import type { CaseStatus } from './case-vocabulary';

/**
 * The state machine of SPEC §4. Each action lists the states it may start from and the state it
 * leads to. Response, extension, supervision and repeat calls are events, not states.
 */
export type CaseAction =
  'answer' | 'transfer' | 'dispatch' | 'request_return' | 'approve_return' | 'sign' | 'resolve' | 'reopen' | 'close';

const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  answer: { from: ['registered'], to: 'answered' },
  transfer: { from: ['registered'], to: 'transferred' },
  dispatch: { from: ['registered', 'reopened'], to: 'dispatched' },
  request_return: { from: ['dispatched', 'signed'], to: 'return_requested' },
  // An approved return sends the case back for re-dispatch; a rejected one restores the state the
  // unit asked from (kept on the return request), so it is not a fixed transition.
  approve_return: { from: ['return_requested'], to: 'registered' },
  sign: { from: ['dispatched'], to: 'signed' },
  resolve: { from: ['signed'], to: 'resolved' },
  // After a callback: unsolved or unsatisfied reopens (re-dispatch follows); otherwise it closes.
  reopen: { from: ['resolved'], to: 'reopened' },
  close: { from: ['resolved'], to: 'closed' },
};

/** A closed case is read-only; so is one finished on the call or transferred. */
export function assertOpen(status: CaseStatus): void {
  if (status === 'closed' || status === 'answered' || status === 'transferred') {
    throw new DomainError('STATE_CONFLICT', `The case is ${status} and can no longer change`);
  }
}

/** The state after `action`, or a STATE_CONFLICT (409) naming what is allowed. */
export function nextStatus(current: CaseStatus, action: CaseAction): CaseStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    throw new DomainError(
      'STATE_CONFLICT',
      `Cannot ${action.replace('_', ' ')} a case that is ${current} (allowed from: ${rule.from.join(', ')})`,
    );
  }
  return rule.to;
}

/** A rejected return puts the case back where the unit asked from. */
export function statusAfterRejectedReturn(current: CaseStatus, askedFrom: CaseStatus): CaseStatus {
  if (current !== 'return_requested') {
    throw new DomainError('STATE_CONFLICT', `Cannot review a return of a case that is ${current}`);
  }
  return askedFrom;
}
