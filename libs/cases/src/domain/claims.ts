import { addMs, MINUTE_MS } from '@hotline/clock/domain';

/**
 * An agent's claim on a piece of the centre's queue work (an abandoned call to call back, a case to call
 * back): it keeps two agents from ringing the same citizen, and lapses after this long, so that an agent
 * pulled onto a live call does not strand the work.
 */
export const CLAIM_MINUTES = 10;

export interface Claim {
  claimedBy: string | null;
  claimedAt: Date | null;
}

/** Whether another agent holds a live claim (a lapsed one, or one's own, is no obstacle). */
export function heldByOther(claim: Claim, userId: string | null, now: Date): boolean {
  if (claim.claimedBy === null || claim.claimedAt === null || claim.claimedBy === userId) return false;
  return now.getTime() - claim.claimedAt.getTime() < CLAIM_MINUTES * MINUTE_MS;
}

/** A claim made before this instant has lapsed at `now`. */
export function claimLapsedBefore(now: Date): Date {
  return addMs(now, -CLAIM_MINUTES * MINUTE_MS);
}
