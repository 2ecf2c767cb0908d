import type { Actor } from './actor';

export type CallerVisibility = 'full' | 'masked' | 'hidden';

/**
 * docs/product.md, "Privacy and access": centre staff see the caller; a unit sees the caller's phone only when it is the lead
 * (it must call the citizen back), masked otherwise; a confidential case (e.g. a whistle-blower's
 * report) never shows the caller to any unit.
 */
export function callerVisibility(
  viewer: Pick<Actor, 'role' | 'unitCode'>,
  subject: { confidential: boolean; leadUnitCode: string | null },
): CallerVisibility {
  if (viewer.role !== 'handler' && viewer.role !== 'system') return 'full';
  if (subject.confidential) return 'hidden';
  return viewer.unitCode !== null && viewer.unitCode === subject.leadUnitCode ? 'full' : 'masked';
}
