import { addMs } from '@hotline/clock/domain';
import { DomainError } from '@hotline/core';
import type { Urgency } from '@hotline/directory/domain';

/** What the centre may correct on a registered case (docs/api.md, "Corrections and notes"). */
export interface CorrectableFields {
  categoryCode: string;
  urgency: Urgency;
  districtCode: string;
  streetCode: string | null;
  address: string;
}

export type CorrectionRequest = Partial<CorrectableFields>;

export interface Correction {
  /** The fields that change, with their new values. */
  changes: Partial<CorrectableFields>;
  before: Partial<CorrectableFields>;
  /** The deadlines follow the SLA policy, which is set per urgency and category. */
  retimes: boolean;
}

const FIELDS: readonly (keyof CorrectableFields)[] = [
  'categoryCode',
  'urgency',
  'districtCode',
  'streetCode',
  'address',
];

/**
 * The fields a correction really changes. A new district without a street drops the old street (it lies
 * in the old district). Nothing to change is a 400: the agent meant something else.
 */
export function decideCorrection(current: CorrectableFields, request: CorrectionRequest): Correction {
  const wanted: CorrectionRequest = { ...request };
  if (wanted.districtCode !== undefined && wanted.districtCode !== current.districtCode && !('streetCode' in wanted)) {
    wanted.streetCode = null;
  }
  const changes: Partial<CorrectableFields> = {};
  const before: Partial<CorrectableFields> = {};
  for (const field of FIELDS) {
    const value = wanted[field];
    if (value === undefined || value === current[field]) continue;
    Object.assign(changes, { [field]: value });
    Object.assign(before, { [field]: current[field] });
  }
  if (Object.keys(changes).length === 0) {
    const field = Object.keys(request)[0] ?? 'categoryCode';
    throw DomainError.invalidField(field, 'the correction changes nothing on the case', 'nothing_to_correct');
  }
  return { changes, before, retimes: 'categoryCode' in changes || 'urgency' in changes };
}

/**
 * A running deadline re-timed under the corrected policy, counted from when its clock started; what
 * the old deadline had beyond its policy (an approved extension) is kept.
 */
export function retimedDue(current: Date, oldPolicyDue: Date, newPolicyDue: Date): Date {
  return addMs(newPolicyDue, current.getTime() - oldPolicyDue.getTime());
}
