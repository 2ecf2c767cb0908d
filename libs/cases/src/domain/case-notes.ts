import { DomainError } from '@hotline/core';
import type { Actor } from './actor';
import { isUnitScoped } from './case-scope';

/**
 * Internal notes on a case (docs/api.md, "Corrections and notes"): `centre` notes are for the centre's
 * staff only; `units` notes are also read by the units that may see the case. A unit's handler writes
 * only `units` notes: a note the unit itself could not read makes no sense.
 */
export const NOTE_VISIBILITIES = ['centre', 'units'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

export function assertMayWriteNote(writer: Pick<Actor, 'role' | 'unitCode'>, visibility: NoteVisibility): void {
  if (isUnitScoped(writer) && visibility === 'centre') {
    throw DomainError.invalidField('visibility', 'a unit’s handler writes notes the units read', 'centre_staff_only');
  }
}

/** A note without a visibility: the centre's stay in the centre; a unit's are for the units. */
export function defaultVisibility(writer: Pick<Actor, 'role'>): NoteVisibility {
  return isUnitScoped(writer) ? 'units' : 'centre';
}

/** The visibilities a reader may see: all for the centre, `units` for a unit. */
export function readableVisibilities(reader: Pick<Actor, 'role' | 'unitCode'>): NoteVisibility[] {
  return isUnitScoped(reader) ? ['units'] : [...NOTE_VISIBILITIES];
}
