import type { Duration, Urgency } from '@hotline/directory/domain';

export interface PolicyRow {
  urgency: Urgency;
  categoryCode: string | null;
  dispatchWithin: Duration;
  signWithin: Duration;
  responseWithin: Duration;
  resolveWithin: Duration;
  callbackWithin: Duration;
  transferAckWithin: Duration;
  reviewResult: boolean;
}

/**
 * The limits for a case: the row of its urgency whose category is the nearest in the case's category path
 * (the category and its ancestors in the tree, nearest first), else the urgency's default row.
 */
export function resolvePolicy(
  rows: readonly PolicyRow[],
  urgency: Urgency,
  categoryPath: readonly string[],
): PolicyRow {
  const depth = (row: PolicyRow) => (row.categoryCode === null ? Infinity : categoryPath.indexOf(row.categoryCode));
  const candidates = rows.filter((row) => row.urgency === urgency && depth(row) >= 0);
  const best = candidates.sort((a, b) => depth(a) - depth(b))[0];
  if (!best) throw new Error(`SLA policy has no default row for urgency ${urgency}`);
  return best;
}
