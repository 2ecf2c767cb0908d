import { DomainError } from '@hotline/core';
import type { Role } from '@hotline/auth/domain';
import type { EntryVersions } from './knowledge-lifecycle';

/** Who acts on the knowledge base: a signed-in user. */
export interface KnowledgeActor {
  userId: string;
  role: Role;
  unitCode: string | null;
}

export type KnowledgeRight = 'create' | 'edit' | 'publish' | 'retire';

/** `own_unit`: only on entries owned by the actor's unit. */
type Reach = 'any' | 'own_unit';

/**
 * Who may do what (docs/product.md, "Knowledge base"), as data: handlers write drafts and propose
 * edits for their own unit's entries; supervisors and admins do everything; agents read and search.
 * Whoever may edit an entry also reads its unpublished versions.
 */
const RIGHTS: Record<Role, Partial<Record<KnowledgeRight, Reach>>> = {
  agent: {},
  handler: { create: 'own_unit', edit: 'own_unit' },
  supervisor: { create: 'any', edit: 'any', publish: 'any', retire: 'any' },
  admin: { create: 'any', edit: 'any', publish: 'any', retire: 'any' },
};

export function may(actor: KnowledgeActor, right: KnowledgeRight, ownerUnitCode: string): boolean {
  const reach = RIGHTS[actor.role][right];
  return reach === 'any' || (reach === 'own_unit' && actor.unitCode === ownerUnitCode);
}

/** 403 `auth.role_forbidden` for a role without the right, `knowledge.other_unit` for another unit's entry. */
export function authorize(actor: KnowledgeActor, right: KnowledgeRight, ownerUnitCode: string): void {
  if (may(actor, right, ownerUnitCode)) return;
  if (!RIGHTS[actor.role][right]) {
    throw new DomainError('auth.role_forbidden', `A ${actor.role} may not ${right} knowledge entries`);
  }
  throw new DomainError('knowledge.other_unit', `Only ${ownerUnitCode}'s handlers (and the centre) may ${right} it`);
}

/** The entries whose unpublished versions a search may show the actor: all, one unit's, or none. */
export function unpublishedReach(actor: KnowledgeActor): { all: boolean; unitCode: string | null } {
  const reach = RIGHTS[actor.role].edit;
  return { all: reach === 'any', unitCode: reach === 'own_unit' ? actor.unitCode : null };
}

/**
 * The version a reader gets: editors any (the current by default); everyone else only what was
 * published — the published version by default, or an earlier one — of an entry that was published
 * (a retired entry stays readable, for the answers that cited it). Anything else is a 404, so
 * drafts do not leak.
 */
export function readableVersion(
  actor: KnowledgeActor,
  entry: EntryVersions & { ownerUnitCode: string },
  requested?: number,
): number {
  const newest = may(actor, 'edit', entry.ownerUnitCode) ? entry.currentVersion : entry.publishedVersion;
  if (newest === null) throw new DomainError('knowledge.not_found', 'No such knowledge entry');
  const version = requested ?? newest;
  if (version < 1 || version > newest) {
    throw new DomainError('knowledge.version_not_found', `Versions 1 to ${newest} of the entry can be read`);
  }
  return version;
}
