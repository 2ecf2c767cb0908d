import type { FieldError } from '@hotline/core';
import type { DispatchTarget, UnitKind } from './reference-types';

export interface DispatchRuleInput {
  priority: number;
  name: string;
  categoryCode: string;
  districtCode?: string | null;
  streetCode?: string | null;
  target: DispatchTarget;
  leadUnitCode?: string | null;
  coUnitCodes?: readonly string[];
  auto?: boolean;
  redispatchOnReopen?: boolean;
}

export interface UnitFacts {
  kind: UnitKind;
  parentCode: string | null;
  active: boolean;
}

/** What the rule checks need to know about the directory, loaded by the caller. */
export interface DirectoryFacts {
  unit(code: string): UnitFacts | undefined;
  categoryExists(code: string): boolean;
}

/** Every problem with a catalogue rule, by field; empty when the rule is sound. */
export function checkDispatchRule(rule: DispatchRuleInput, facts: DirectoryFacts): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (field: string, message: string, reason: string) => problems.push({ field, message, reason });

  if (!facts.categoryExists(rule.categoryCode)) problem('categoryCode', 'is not a known category', 'unknown_category');

  if (rule.districtCode) {
    if (facts.unit(rule.districtCode)?.kind !== 'district')
      problem('districtCode', 'is not a district', 'not_a_district');
  }
  if (rule.streetCode) {
    const street = facts.unit(rule.streetCode);
    if (street?.kind !== 'street') problem('streetCode', 'is not a street', 'not_a_street');
    else if (!rule.districtCode) problem('districtCode', 'is required with streetCode', 'required');
    else if (street.parentCode !== rule.districtCode)
      problem('streetCode', 'does not belong to districtCode', 'not_in_district');
  }

  if (rule.target === 'unit') {
    if (!rule.leadUnitCode) problem('leadUnitCode', "is required when target is 'unit'", 'required');
    else if (!facts.unit(rule.leadUnitCode)) problem('leadUnitCode', 'is not a known unit', 'unknown_unit');
  } else if (rule.leadUnitCode) {
    problem('leadUnitCode', `must be empty when target is '${rule.target}'`, 'not_allowed');
  }

  const coUnits = rule.coUnitCodes ?? [];
  coUnits.forEach((code, i) => {
    if (!facts.unit(code)) problem(`coUnitCodes.${i}`, 'is not a known unit', 'unknown_unit');
    else if (code === rule.leadUnitCode) problem(`coUnitCodes.${i}`, 'repeats the lead unit', 'repeats_lead');
    else if (coUnits.indexOf(code) !== i) problem(`coUnitCodes.${i}`, 'appears twice', 'duplicate');
  });
  return problems;
}
