import { addMs, HOUR_MS } from '@hotline/clock/domain';
import { type AssignmentRole, type CaseStatus, nextStatus } from '@hotline/cases/domain';
import { DomainError } from '@hotline/core';

/**
 * What a unit may do with a case it holds an order for (docs/product.md, "Handling"), as pure
 * rules: the service loads the case and the order and applies what these decide.
 */

/** A unit works on a case it has been sent and has not yet resolved. */
const WORKING: readonly CaseStatus[] = ['dispatched', 'signed'];

export type SignDecision = { as: 'lead'; status: CaseStatus } | { as: 'co' };

/**
 * 签收: the lead's signature moves the case to `signed`; a co-handler signs its own order, once (a
 * forward to a community comes signed: its street signed for the case).
 */
export function decideSign(status: CaseStatus, order: { role: AssignmentRole; signedAt: Date | null }): SignDecision {
  if (order.role === 'lead') return { as: 'lead', status: nextStatus(status, 'sign') };
  if (order.signedAt) throw new DomainError('order.already_signed', 'This order is already signed');
  return { as: 'co' };
}

/** 响应: the lead's first contact with the citizen, once, while it works on the case. */
export function assertCanRespond(status: CaseStatus, respondedAt: Date | null): void {
  if (!WORKING.includes(status)) {
    throw new DomainError('case.wrong_state', `Cannot respond on a case that is ${status}`);
  }
  if (respondedAt) {
    throw new DomainError('case.already_responded', 'The citizen was already contacted (first response recorded)');
  }
}

/** 延期: the lead may ask for more time while it works on the case, one request at a time. */
export function assertCanRequestExtension(status: CaseStatus, pendingRequest: boolean): void {
  if (!WORKING.includes(status)) {
    throw new DomainError('case.wrong_state', `Cannot ask to extend a case that is ${status}`);
  }
  if (pendingRequest) throw new DomainError('extension.pending', 'An extension request is already waiting for review');
}

/** A request is reviewed once. */
export function assertPendingExtension(request: { status: 'pending' | 'approved' | 'rejected' }): void {
  if (request.status !== 'pending') {
    throw new DomainError('extension.already_reviewed', `This extension was already ${request.status}`);
  }
}

/** An approved extension moves the resolve deadline by the hours asked (elapsed hours, not working time). */
export function extendedDeadline(resolveDueAt: Date, hours: number): Date {
  return addMs(resolveDueAt, hours * HOUR_MS);
}

/** Done after its deadline (no deadline: never late). */
export function isLate(doneAt: Date, dueAt: Date | null): boolean {
  return dueAt !== null && doneAt > dueAt;
}
