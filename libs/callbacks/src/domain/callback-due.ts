import type { CaseStatus } from '@hotline/cases/domain';
import { DomainError, type FieldError } from '@hotline/core';
import type { CallbackInput } from './callback-outcome';

/**
 * A callback (回访) is due on a resolved case, and on one whose resolve deadline passed unresolved
 * (its callback clock runs from that deadline) — but not once it is reopened for re-dispatch.
 */
export function isCallbackDue(status: CaseStatus, callbackDueAt: Date | null): boolean {
  return status === 'resolved' || (callbackDueAt !== null && status !== 'reopened');
}

export function assertCallbackDue(status: CaseStatus, callbackDueAt: Date | null): void {
  if (!isCallbackDue(status, callbackDueAt)) {
    throw new DomainError('callback.not_due', `No callback is due on a case that is ${status}`);
  }
}

/** A citizen who was reached says whether it is solved and how satisfied they are. */
export function checkCallbackInput(input: CallbackInput): FieldError[] {
  if (!input.reached) return [];
  const required = (field: string) => ({
    field,
    message: 'is required when the citizen was reached',
    reason: 'required',
  });
  return [
    ...(input.solved === undefined ? [required('solved')] : []),
    ...(input.satisfaction === undefined ? [required('satisfaction')] : []),
  ];
}

/** 合理诉求: a demand is marked unreasonable once. */
export function assertReasonable(reasonable: boolean): void {
  if (!reasonable) throw new DomainError('case.already_unreasonable', 'The demand is already marked unreasonable');
}
