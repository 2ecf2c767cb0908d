import { EVENT_TYPE_PREFIX } from '@hotline/messaging';
import type { FlagReason } from '../domain/knowledge-flags';

/** The knowledge base's messages to a unit's own inbox topic (docs/events.md, "Unit channels"). */
export const KNOWLEDGE_EVENT_TYPES = {
  entryFlagged: `${EVENT_TYPE_PREFIX}.knowledge.entry_flagged.v1`,
} as const;

/**
 * An entry the unit owns was flagged: which, at which version, why. No personal data — neither the
 * flagger nor any case (docs/events.md).
 */
export interface EntryFlaggedData {
  flagId: string;
  entryId: string;
  version: number;
  title: string;
  ownerUnitCode: string;
  reason: FlagReason;
  note: string | null;
  flaggedAt: string;
}
