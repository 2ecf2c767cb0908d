import { DomainError, type ErrorReason } from '@hotline/core';
import { type CaseStatus, FINISHED_STATUSES } from './case-vocabulary';

/**
 * The case's state machine (docs/product.md, "Lifecycle") as data: each action lists the states it
 * may start from, the state it leads to, and — for the states where a client most likely retried
 * or raced — the precise reason it is refused. Response, extension, supervision and repeat calls
 * are events, not states.
 */
export type CaseAction =
  | 'answer'
  | 'transfer'
  | 'dispatch'
  | 'request_return'
  | 'approve_return'
  | 'reject_return'
  | 'sign'
  | 'resolve'
  | 'submit_result'
  | 'approve_result'
  | 'reject_result'
  | 'reopen'
  | 'close';

interface Transition {
  from: readonly CaseStatus[];
  /** `asked_from`: back to the state the unit asked to return from (kept on the return request). */
  to: CaseStatus | 'asked_from';
  refusals?: Partial<Record<CaseStatus, ErrorReason>>;
}

const TRANSITIONS: Record<CaseAction, Transition> = {
  answer: { from: ['registered'], to: 'answered' },
  transfer: { from: ['registered'], to: 'transferred' },
  dispatch: {
    from: ['registered', 'reopened'],
    to: 'dispatched',
    refusals: {
      dispatched: 'case.already_dispatched',
      signed: 'case.already_dispatched',
      return_requested: 'case.already_dispatched',
    },
  },
  request_return: {
    from: ['dispatched', 'signed'],
    to: 'return_requested',
    refusals: { return_requested: 'return.pending', reviewing: 'result.under_review' },
  },
  approve_return: { from: ['return_requested'], to: 'registered' },
  reject_return: { from: ['return_requested'], to: 'asked_from' },
  sign: {
    from: ['dispatched'],
    to: 'signed',
    refusals: { signed: 'case.already_signed', resolved: 'case.already_resolved' },
  },
  resolve: {
    from: ['signed'],
    to: 'resolved',
    refusals: { dispatched: 'case.not_signed', reviewing: 'result.under_review', resolved: 'case.already_resolved' },
  },
  // Where the policy asks for it, the centre reviews (审核) the lead's result before it counts as resolved.
  submit_result: {
    from: ['signed'],
    to: 'reviewing',
    refusals: { dispatched: 'case.not_signed', reviewing: 'result.under_review', resolved: 'case.already_resolved' },
  },
  approve_result: { from: ['reviewing'], to: 'resolved', refusals: { resolved: 'case.already_resolved' } },
  // Rejected: back to the lead, which works on under the same deadlines.
  reject_result: { from: ['reviewing'], to: 'signed', refusals: { resolved: 'case.already_resolved' } },
  // After a callback: unsolved or unsatisfied reopens (re-dispatch follows); otherwise it closes.
  reopen: { from: ['resolved'], to: 'reopened' },
  close: { from: ['resolved'], to: 'closed' },
};

export function isFinished(status: CaseStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

/** A closed case is read-only; so is one finished on the call or transferred. */
export function assertOpen(status: CaseStatus): void {
  if (isFinished(status)) {
    throw new DomainError('case.finished', `The case is ${status} and can no longer change`);
  }
}

/**
 * The state after `action`, or a STATE_CONFLICT (409) with the reason: `case.finished` for a
 * read-only case, the transition's own refusal where it names one, else `case.wrong_state`.
 * `askedFrom` is the state a rejected return goes back to.
 */
export function nextStatus(current: CaseStatus, action: CaseAction, askedFrom?: CaseStatus): CaseStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    assertOpen(current);
    throw new DomainError(
      rule.refusals?.[current] ?? 'case.wrong_state',
      `Cannot ${action.replace('_', ' ')} a case that is ${current} (allowed from: ${rule.from.join(', ')})`,
    );
  }
  if (rule.to !== 'asked_from') return rule.to;
  if (!askedFrom) throw new Error(`${action} needs the state the return was asked from`);
  return askedFrom;
}
