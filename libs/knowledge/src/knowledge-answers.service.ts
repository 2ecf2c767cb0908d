import { Injectable } from '@nestjs/common';
import { CaseActionsService, type CaseEntity, CaseQueriesService, type Actor } from '@hotline/cases';
import { Clock } from '@hotline/clock';
import { DomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { citationProblems } from './domain/knowledge-flags';
import { KnowledgeCitationsRepository } from './knowledge-citations.repository';
import { KnowledgeReadingService } from './knowledge-reading.service';
import { type KnowledgeHit, KnowledgeSearchService } from './knowledge-search.service';

export type KnowledgeSuggestion = Omit<KnowledgeHit, 'status'>;

/**
 * Answering on the call from the knowledge base (docs/api.md, "Knowledge base"): entries suggested
 * for a case, and an answer that records the entries and versions it rested on — the case's event
 * and the citations in one transaction. The case library knows nothing of the knowledge base; this
 * service hands it the resolved citations.
 */
@Injectable()
export class KnowledgeAnswersService {
  constructor(
    private readonly db: TransactionService,
    private readonly cases: CaseQueriesService,
    private readonly actions: CaseActionsService,
    private readonly search: KnowledgeSearchService,
    private readonly reading: KnowledgeReadingService,
    private readonly citations: KnowledgeCitationsRepository,
    private readonly clock: Clock,
  ) {}

  /** Entries for a case the viewer may see: its description, its category first, its requester's audience. */
  async suggestions(
    caseId: string,
    viewer: Actor,
    limit: number,
  ): Promise<{ items: KnowledgeSuggestion[]; total: number }> {
    const c = await this.cases.visible(caseId, viewer);
    const audience = c.requesterKind === 'enterprise' ? 'enterprise' : 'citizen';
    const hits = await this.search.findForCase(c.description, c.categoryCode, audience, limit);
    const items = hits.map(({ status: _, ...hit }) => hit);
    return { items, total: items.length };
  }

  /**
   * 直接办结 citing entries: each id must be a published entry in effect today (else a 400 naming
   * `knowledgeEntryIds.<i>`, `not_citable`); the citations name the versions read now.
   */
  answer(caseId: string, reply: string, entryIds: readonly string[], actor: Actor): Promise<CaseEntity> {
    const ids = [...new Set(entryIds)];
    return this.db.run(async () => {
      const inEffect = ids.length ? await this.reading.versionsInEffect(ids) : new Map<string, number>();
      const problems = citationProblems(ids, inEffect);
      if (problems.length > 0) throw DomainError.validation(problems);
      const knowledge = ids.map((entryId) => ({ entryId, version: inEffect.get(entryId)! }));
      const answered = await this.actions.answer(caseId, reply, actor, knowledge);
      const citedAt = answered.closedAt ?? this.clock.now();
      await this.citations.insert(
        knowledge.map((k) => ({ caseId: answered.id, ...k, citedAt, citedBy: actor.userId })),
      );
      return answered;
    });
  }
}
