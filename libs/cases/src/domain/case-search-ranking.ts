/**
 * How many of the newest matching cases a word search ranks (docs/decisions.md, "Case search:
 * the newest 1,000 matches"): over millions of cases a word such as 噪音 matches hundreds of
 * thousands, and ranking and counting them all took longer than the ILIKE scan it replaced.
 */
export const CASE_SEARCH_NEWEST = 1000;

export interface CaseMatch {
  id: string;
  registeredAt: Date;
  rank: number;
}

/** Best ranked first, then newest, then by id (descending), so pages never overlap or skip. */
export function byRelevance(matches: readonly CaseMatch[]): CaseMatch[] {
  return [...matches].sort(
    (a, b) =>
      b.rank - a.rank ||
      b.registeredAt.getTime() - a.registeredAt.getTime() ||
      (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}
