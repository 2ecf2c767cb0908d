/** 督办 levels, mildest first: 催办 (urge), 督办 (supervise), 挂牌督办 (listed). */
export const SUPERVISION_LEVELS = ['urge', 'supervise', 'listed'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/** An order not answered by its due time goes up one level; `listed` is the top. */
export function escalate(level: SupervisionLevel): SupervisionLevel {
  return SUPERVISION_LEVELS[Math.min(SUPERVISION_LEVELS.indexOf(level) + 1, SUPERVISION_LEVELS.length - 1)];
}

/**
 * The level a unit's inbox shows for a case: the highest of the orders still standing (not closed), so a
 * milder order issued beside an escalated one does not hide the escalation; null when none stands.
 */
export function highestLevel(levels: readonly SupervisionLevel[]): SupervisionLevel | null {
  const rank = Math.max(-1, ...levels.map((level) => SUPERVISION_LEVELS.indexOf(level)));
  return rank < 0 ? null : SUPERVISION_LEVELS[rank];
}

/** How long a unit has to answer an automatic order, and each level after an escalation. */
export const SUPERVISION_REPLY_HOURS: Record<SupervisionLevel, number> = { urge: 24, supervise: 12, listed: 4 };
