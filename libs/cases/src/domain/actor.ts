import type { Role } from '@hotline/auth/domain';

/** Who performs an action: a signed-in user, or the system itself (auto-dispatch, clocks). */
export interface Actor {
  userId: string | null;
  role: Role | 'system';
  unitCode: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, role: 'system', unitCode: null };
