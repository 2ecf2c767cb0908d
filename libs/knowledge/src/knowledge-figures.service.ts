import { Injectable } from '@nestjs/common';
import { addMs, DAY_MS } from '@hotline/clock';
import { type CitationUse, KnowledgeCitationsRepository } from './knowledge-citations.repository';

/** The window of `mostUsed` and `neverUsed` (docs/kpi.md, "Knowledge on the call"). */
export const USAGE_WINDOW_DAYS = 30;
const MOST_USED = 10;

export interface KnowledgeUsage {
  /** Cases answered since the day's start that cited at least one entry. */
  answeredWithKnowledge: number;
  mostUsed: CitationUse[];
  neverUsed: number;
}

/** How the knowledge base is used on the call, from its citations (the live figures read it). */
@Injectable()
export class KnowledgeFiguresService {
  constructor(private readonly citations: KnowledgeCitationsRepository) {}

  /** Since `dayStart` for today's count; the usage over the 30 days up to `asOf`; a unit: its own entries. */
  async usage(dayStart: Date, asOf: Date, ownerUnitCode: string | null): Promise<KnowledgeUsage> {
    const windowStart = addMs(asOf, -USAGE_WINDOW_DAYS * DAY_MS);
    const [answeredWithKnowledge, mostUsed, neverUsed] = await Promise.all([
      // Answers on the call have no unit: a unit's count is 0, as its answeredCases is.
      ownerUnitCode ? Promise.resolve(0) : this.citations.casesCitingSince(dayStart),
      this.citations.mostUsedSince(windowStart, ownerUnitCode, MOST_USED),
      this.citations.publishedNeverCitedSince(windowStart, ownerUnitCode),
    ]);
    return { answeredWithKnowledge, mostUsed, neverUsed };
  }
}
