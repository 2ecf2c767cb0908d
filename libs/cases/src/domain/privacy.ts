import type { Actor } from './actor';
import { isUnitScoped } from './case-scope';
import { ACTIVE_ORDER_STATUSES, type CaseStatus } from './case-vocabulary';

export type CallerVisibility = 'full' | 'masked' | 'hidden';

/**
 * docs/product.md, "Privacy and access": centre staff see the caller; a unit sees the caller's
 * phone only when it is the lead (or the community the lead street forwarded the case to) and only
 * while the case needs contact (its orders are active:
 * dispatched, signed, return requested) — masked otherwise; a confidential case (e.g. a
 * whistle-blower's report) or a sensitive enterprise demand never shows the caller to any unit.
 */
export function callerVisibility(
  viewer: Pick<Actor, 'role' | 'unitCode'>,
  subject: {
    confidential: boolean;
    sensitive: boolean;
    leadUnitCode: string | null;
    forwardedToUnitCode?: string | null;
    status: CaseStatus;
  },
): CallerVisibility {
  if (!seesAsUnit(viewer)) return 'full';
  if (hidesCallerFromUnits(subject)) return 'hidden';
  // The community a street forwarded the case to contacts the citizen for it.
  const lead =
    viewer.unitCode !== null &&
    (viewer.unitCode === subject.leadUnitCode || viewer.unitCode === subject.forwardedToUnitCode);
  return lead && ACTIVE_ORDER_STATUSES.includes(subject.status) ? 'full' : 'masked';
}

/**
 * A sensitive enterprise demand is dispatched anonymously (敏感诉求匿名交办, docs/product.md, "The enterprise
 * service channel"): the person who called for the company would name it, so units never see them either.
 */
export function hidesCallerFromUnits(subject: { confidential: boolean; sensitive: boolean }): boolean {
  return subject.confidential || subject.sensitive;
}

/**
 * docs/product.md, "The enterprise service channel": the company of an enterprise's demand is shown to every
 * unit that sees the case — a registered name and code, public in the enterprise credit register, which the
 * lead and co-handlers alike need for their part — unless the demand is sensitive: then only to the centre.
 */
export function showsCompany(viewer: Pick<Actor, 'role'>, subject: { sensitive: boolean }): boolean {
  return !seesAsUnit(viewer) || !subject.sensitive;
}

/** Handlers, and the system writing to units' systems, see a case as a unit; everyone else is the centre. */
function seesAsUnit(viewer: Pick<Actor, 'role'>): boolean {
  return viewer.role === 'handler' || viewer.role === 'system';
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

/**
 * Whether an answer already rendered is a case showing its caller in full: the phone unmasked (masked
 * phones hold `*`), or the name, which only a full view carries (a letter may come without a phone).
 */
export function showsCallerInFull(body: unknown): body is { id: string } {
  if (typeof body !== 'object' || body === null) return false;
  const { id, callerPhone, callerName } = body as { id?: unknown; callerPhone?: unknown; callerName?: unknown };
  const fullPhone = typeof callerPhone === 'string' && !callerPhone.includes('*');
  return typeof id === 'string' && (fullPhone || typeof callerName === 'string');
}
