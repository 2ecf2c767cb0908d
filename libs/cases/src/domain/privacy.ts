import type { Actor } from './actor';
import { isUnitScoped } from './case-scope';
import { ACTIVE_ORDER_STATUSES, type CaseStatus } from './case-vocabulary';

export type CallerVisibility = 'full' | 'masked' | 'hidden';

/**
 * docs/product.md, "Privacy and access": centre staff see the caller; a unit sees the caller's
 * phone only when it is the lead and only while the case needs contact (its orders are active:
 * dispatched, signed, return requested) — masked otherwise; a confidential case (e.g. a
 * whistle-blower's report) never shows the caller to any unit.
 */
export function callerVisibility(
  viewer: Pick<Actor, 'role' | 'unitCode'>,
  subject: { confidential: boolean; leadUnitCode: string | null; status: CaseStatus },
): CallerVisibility {
  if (viewer.role !== 'handler' && viewer.role !== 'system') return 'full';
  if (subject.confidential) return 'hidden';
  const lead = viewer.unitCode !== null && viewer.unitCode === subject.leadUnitCode;
  return lead && ACTIVE_ORDER_STATUSES.includes(subject.status) ? 'full' : 'masked';
}

/**
 * A read of the caller's identity, which the audit trail records (docs/decisions.md, issue 6): a handling
 * unit shown the caller in full. Masked and hidden views show no identity; centre staff read callers all day.
 */
export function readsCallerIdentity(
  viewer: Pick<Actor, 'role' | 'unitCode'>,
  subject: Parameters<typeof callerVisibility>[1],
): boolean {
  return isUnitScoped(viewer) && callerVisibility(viewer, subject) === 'full';
}

/** Whether an answer already rendered is a case showing its caller's phone in full (masked phones hold `*`). */
export function showsCallerInFull(body: unknown): body is { id: string; callerPhone: string } {
  if (typeof body !== 'object' || body === null) return false;
  const { id, callerPhone } = body as { id?: unknown; callerPhone?: unknown };
  return typeof id === 'string' && typeof callerPhone === 'string' && !callerPhone.includes('*');
}
