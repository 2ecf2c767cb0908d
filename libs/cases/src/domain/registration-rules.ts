import type { FieldError } from '@hotline/core';
import type { UnitKind } from '@hotline/directory/domain';

export interface RegistrationPlace {
  categoryCode: string;
  districtCode: string;
  streetCode?: string | null;
}

/** What the registration checks need from the directory, loaded by the caller. */
export interface RegistrationFacts {
  category(code: string): { level: number; active: boolean } | undefined;
  unit(code: string): { kind: UnitKind; parentCode: string | null; active: boolean } | undefined;
}

/** Cases are registered on an active leaf category, in a district, on a street of that district. */
export function checkRegistrationPlace(input: RegistrationPlace, facts: RegistrationFacts): FieldError[] {
  const problems: FieldError[] = [];
  const category = facts.category(input.categoryCode);
  if (!category)
    problems.push({ field: 'categoryCode', message: 'is not a known category', reason: 'unknown_category' });
  else if (category.level !== 3)
    problems.push({ field: 'categoryCode', message: 'must be a leaf (level 3) category', reason: 'not_a_leaf' });
  else if (!category.active)
    problems.push({ field: 'categoryCode', message: 'is no longer in use', reason: 'not_active' });

  const district = facts.unit(input.districtCode);
  if (district?.kind !== 'district')
    problems.push({ field: 'districtCode', message: 'is not a district', reason: 'not_a_district' });
  if (input.streetCode) {
    const street = facts.unit(input.streetCode);
    if (street?.kind !== 'street')
      problems.push({ field: 'streetCode', message: 'is not a street or township', reason: 'not_a_street' });
    else if (street.parentCode !== input.districtCode) {
      problems.push({ field: 'streetCode', message: 'does not belong to districtCode', reason: 'not_in_district' });
    }
  }
  return problems;
}

/** What a registration does, from what is known when it holds the call's and the caller's locks. */
export type RegistrationChoice =
  | { kind: 'existing'; caseId: string }
  | { kind: 'merge'; caseId: string }
  | { kind: 'create'; repeatOf: string | null };

/**
 * A call creates at most one case: a registration naming a call that already has one answers that
 * case and changes nothing (an agent's desktop retrying after a timeout; docs/api.md, "Safe
 * retries"). Otherwise a demand joins the caller's open case on the same matter (并单) unless the
 * agent forces a new case, which then points at the open one.
 */
export function chooseRegistration(facts: {
  callCaseId: string | null;
  openCaseId: string | null;
  forceNew: boolean;
}): RegistrationChoice {
  if (facts.callCaseId) return { kind: 'existing', caseId: facts.callCaseId };
  if (facts.openCaseId && !facts.forceNew) return { kind: 'merge', caseId: facts.openCaseId };
  return { kind: 'create', repeatOf: facts.openCaseId };
}
