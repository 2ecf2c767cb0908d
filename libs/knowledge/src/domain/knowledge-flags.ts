import { DomainError } from '@hotline/core';
import type { Role } from '@hotline/auth/domain';

/** Why an agent or a supervisor flags an entry (docs/product.md, "Knowledge base"). */
export const FLAG_REASONS = ['wrong', 'outdated', 'unclear'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** A flag is open until the owning unit's handlers or a supervisor resolve it. */
export const FLAG_STATUSES = ['open', 'resolved'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** At most this many entries are cited by one answer. */
export const MAX_CITED_ENTRIES = 10;

interface Viewer {
  role: Role;
  unitCode: string | null;
}

/** Who flags: the people who answer from the entries (agents) and supervisors. */
export function mayFlag(viewer: Viewer): boolean {
  return viewer.role === 'agent' || viewer.role === 'supervisor';
}

/**
 * The owner unit a list of flags or of entries due for review is limited to: a handler always sees
 * only their own unit's (another `unitCode` is a 403 `knowledge.other_unit`); the centre sees the
 * unit asked for, or every unit (null).
 */
export function ownerScope(viewer: Viewer, unitCode: string | undefined): string | null {
  if (viewer.role !== 'handler') return unitCode ?? null;
  if (unitCode !== undefined && unitCode !== viewer.unitCode) {
    throw new DomainError('knowledge.other_unit', `A handler sees only ${viewer.unitCode}'s entries`);
  }
  return viewer.unitCode;
}

/** Resolving: the owning unit's handlers and supervisors (a 403 `knowledge.other_unit` for another unit's handler). */
export function assertMayResolve(viewer: Viewer, ownerUnitCode: string): void {
  if (viewer.role === 'supervisor') return;
  if (viewer.role === 'handler' && viewer.unitCode === ownerUnitCode) return;
  if (viewer.role === 'handler') {
    throw new DomainError('knowledge.other_unit', `Only ${ownerUnitCode}'s handlers (and supervisors) may resolve it`);
  }
  throw new DomainError('auth.role_forbidden', `A ${viewer.role} may not resolve flags`);
}

/** A flag resolved once stays resolved: a second resolve is a 409 `knowledge.flag_resolved`. */
export function assertOpenFlag(status: FlagStatus): void {
  if (status !== 'open') throw new DomainError('knowledge.flag_resolved', 'The flag is resolved already');
}

/**
 * The field errors of the entries an answer cites, index by index: each must be a published entry in
 * effect today (`inEffect`), or the answer is a 400 naming `knowledgeEntryIds.<i>` with `not_citable`.
 */
export function citationProblems(
  ids: readonly string[],
  inEffect: ReadonlyMap<string, number>,
): { field: string; reason: string; message: string }[] {
  return ids.flatMap((id, i) =>
    inEffect.has(id)
      ? []
      : [
          {
            field: `knowledgeEntryIds.${i}`,
            reason: 'not_citable',
            message: `${id} is not a published knowledge entry in effect today`,
          },
        ],
  );
}

/** Share of answered cases that cited an entry; null when none was answered. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
