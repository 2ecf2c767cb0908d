import type { FieldError } from '@hotline/core';
import { Duration, URGENCIES, Urgency } from './reference-types';

export interface SlaPolicyInput {
  urgency: Urgency;
  categoryCode?: string | null;
  dispatchWithin: Duration;
  signWithin: Duration;
  responseWithin: Duration;
  resolveWithin: Duration;
  callbackWithin: Duration;
  transferAckWithin: Duration;
  /** Defaults to false: the lead's result resolves the case without the centre's review. */
  reviewResult?: boolean;
}

/**
 * A whole SLA policy must give every urgency exactly one default row and may narrow it per
 * category at most once; categories must exist.
 */
export function checkSlaPolicy(
  items: readonly SlaPolicyInput[],
  categoryExists: (code: string) => boolean,
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = `${item.urgency}/${item.categoryCode ?? ''}`;
    if (seen.has(key))
      problems.push({
        field: `items.${i}`,
        message: `repeats urgency ${item.urgency} for the same category`,
        reason: 'duplicate',
      });
    seen.add(key);
    if (item.categoryCode && !categoryExists(item.categoryCode)) {
      problems.push({
        field: `items.${i}.categoryCode`,
        message: 'is not a known category',
        reason: 'unknown_category',
      });
    }
  });
  for (const urgency of URGENCIES) {
    if (!items.some((item) => item.urgency === urgency && !item.categoryCode)) {
      problems.push({
        field: 'items',
        message: `needs a default row (no categoryCode) for urgency ${urgency}`,
        reason: 'missing_default',
      });
    }
  }
  return problems;
}
