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
 * The limits for a case: the row of its urgency whose category is the most specific ancestor of
 * the case's category (codes are hierarchical), else the urgency's default row.
 */
export function resolvePolicy(rows: readonly PolicyRow[], urgency: Urgency, categoryCode: string): PolicyRow {
  const candidates = rows.filter(
    (row) => row.urgency === urgency && (row.categoryCode === null || categoryCode.startsWith(row.categoryCode)),
  );
  const best = candidates.sort((a, b) => (b.categoryCode?.length ?? 0) - (a.categoryCode?.length ?? 0))[0];
  if (!best) throw new Error(`SLA policy has no default row for urgency ${urgency}`);
  return best;
}
