import type { FieldError } from '@hotline/core';

export interface DispatchChoice {
  leadUnitCode?: string;
  coUnitCodes?: string[];
}

/** A choice the catalogue did not make: neither unit given. */
export function isCatalogueChoice(choice: DispatchChoice): boolean {
  return !choice.leadUnitCode && !choice.coUnitCodes?.length;
}

/**
 * An agent's own choice of units, checked: a lead is needed with co-handlers; every unit must be
 * active; a co-handler may neither repeat the lead nor appear twice. Empty when sound.
 */
export function checkManualChoice(choice: DispatchChoice, isActive: (code: string) => boolean): FieldError[] {
  const problems: FieldError[] = [];
  if (!choice.leadUnitCode) {
    problems.push({ field: 'leadUnitCode', message: 'is required when co-handlers are chosen', reason: 'required' });
  } else if (!isActive(choice.leadUnitCode)) {
    problems.push({ field: 'leadUnitCode', message: 'is not an active unit', reason: 'not_active' });
  }
  const co = choice.coUnitCodes ?? [];
  co.forEach((code, i) => {
    const field = `coUnitCodes.${i}`;
    if (!isActive(code)) problems.push({ field, message: 'is not an active unit', reason: 'not_active' });
    else if (code === choice.leadUnitCode)
      problems.push({ field, message: 'repeats the lead unit', reason: 'repeats_lead' });
    else if (co.indexOf(code) !== i) problems.push({ field, message: 'appears twice', reason: 'duplicate' });
  });
  return problems;
}
