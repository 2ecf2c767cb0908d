import { addMs, HOUR_MS } from '@hotline/clock/domain';
import { DomainError } from '@hotline/core';
import { SUPERVISION_REPLY_HOURS, type SupervisionLevel } from './supervision-levels';

export type SupervisionStatus = 'open' | 'replied' | 'closed';

/** When an order issued (or escalated) at `from` at `level` must be answered. */
export function replyDueAt(level: SupervisionLevel, from: Date): Date {
  return addMs(from, SUPERVISION_REPLY_HOURS[level] * HOUR_MS);
}

/**
 * Who an order is addressed to: the unit whose clock was missed when it is a co-handler still on the case
 * (its own report deadline), else the lead unit (a forwarded case's community hears the lead's orders).
 */
export function addresseeOf(
  triggerUnitCode: string | null | undefined,
  c: { leadUnitCode: string | null; coUnitCodes: readonly string[] },
): string | null {
  return triggerUnitCode && c.coUnitCodes.includes(triggerUnitCode) ? triggerUnitCode : c.leadUnitCode;
}

/** A unit answers an open order addressed to it (a supervisor may answer for it). */
export function assertCanReply(
  order: { unitCode: string | null; status: SupervisionStatus },
  actor: { role: string; unitCode: string | null },
): void {
  if (actor.role === 'handler' && actor.unitCode !== order.unitCode) {
    throw new DomainError('supervision.other_unit', 'The order is addressed to another unit');
  }
  if (order.status !== 'open') throw new DomainError('supervision.not_open', `The order is already ${order.status}`);
}

export function assertCanClose(order: { status: SupervisionStatus }): void {
  if (order.status === 'closed') throw new DomainError('supervision.already_closed', 'The order is already closed');
}
