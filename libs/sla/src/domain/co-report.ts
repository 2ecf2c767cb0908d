import { DomainError } from '@hotline/core';
import { warningTime } from './warning';

/**
 * A co-handler (协办) reports its part by the time this share of the lead's resolve window has passed,
 * so the lead still has a fifth of its time to fold the part into its result (docs/product.md,
 * "Deadlines").
 */
export const CO_REPORT_FRACTION = 0.8;

/** A co-handler's report deadline when the centre names none: 80% of the way from its order to the lead's deadline. */
export function defaultCoReportDue(orderedAt: Date, resolveDueAt: Date): Date {
  return warningTime(orderedAt, resolveDueAt, CO_REPORT_FRACTION);
}

/** A report deadline the centre names must lie ahead, and no later than the lead's resolve deadline. */
export function assertCoReportDue(field: string, dueAt: Date, now: Date, resolveDueAt: Date): void {
  if (dueAt.getTime() <= now.getTime()) throw DomainError.invalidField(field, 'must be in the future', 'not_future');
  if (dueAt.getTime() > resolveDueAt.getTime()) {
    throw DomainError.invalidField(field, 'must not be after the lead’s resolve deadline', 'after_resolve_deadline');
  }
}
