import { Injectable } from '@nestjs/common';
import { Clock, localDate } from '@hotline/clock';
import { DomainError, type Page } from '@hotline/core';
import { fromHighlightText, toSearchQuery, toSimilarityText } from '@hotline/text-search';
import { type KnowledgeActor, unpublishedReach } from './domain/knowledge-access';
import { type Asker, audiencesFor, type KnowledgeKind } from './domain/knowledge-vocabulary';
import { KnowledgeRepository, type SearchHit, type SearchRequest } from './knowledge.repository';

export interface KnowledgeQuery {
  q: string;
  audience?: Asker;
  kind?: KnowledgeKind;
  categoryCode?: string;
  limit: number;
  /** Editors only: their entries' current versions too, whatever their state and dates. */
  includeUnpublished?: boolean;
}

/** A found entry: `snippet` is HTML, the answer's words with `<mark>` around those that matched. */
export type KnowledgeHit = Omit<SearchHit, 'headline'> & { snippet: string };

/** A found entry with its whole answer (Markdown), for a reader who has no second screen. */
export type KnowledgeAnswer = KnowledgeHit & { answer: string };

/**
 * Finding entries for a question (docs/api.md, "Knowledge base"; the ranking: docs/decisions.md,
 * "Knowledge base (issue 12)"): published entries in effect today, ranked by the words they share
 * with the question (synonyms included, title and questions weighing most) plus how similar their
 * title is, character by character.
 */
@Injectable()
export class KnowledgeSearchService {
  constructor(
    private readonly entries: KnowledgeRepository,
    private readonly clock: Clock,
  ) {}

  search(query: KnowledgeQuery, actor: KnowledgeActor): Promise<Page<KnowledgeHit>> {
    const reach = unpublishedReach(actor);
    if (query.includeUnpublished && !reach.all && reach.unitCode === null) {
      throw new DomainError('knowledge.editors_only', 'Only editors may search unpublished entries');
    }
    return this.find(query.q, {
      audiences: query.audience ? audiencesFor(query.audience) : null,
      kind: query.kind ?? null,
      categoryCode: query.categoryCode ?? null,
      categoryUse: 'filter',
      unpublished: query.includeUnpublished ? reach : { all: false, unitCode: null },
      limit: query.limit,
    });
  }

  /**
   * Suggestions for a case: its description searched like a question, entries of its category (or
   * above it) first, published and in effect today.
   */
  async findForCase(text: string, categoryCode: string, audience: Asker, limit: number): Promise<KnowledgeHit[]> {
    const { items } = await this.find(text, {
      audiences: audiencesFor(audience),
      kind: null,
      categoryCode,
      categoryUse: 'boost',
      unpublished: { all: false, unitCode: null },
      limit,
    });
    return items;
  }

  /**
   * Answers for a question from the public (the after-hours desk): published entries in effect today
   * for the asker's audience (citizens by default), each with its published answer in full.
   */
  async answersFor(question: string, audience: Asker | undefined, limit: number): Promise<KnowledgeAnswer[]> {
    const { items } = await this.find(question, {
      audiences: audiencesFor(audience ?? 'citizen'),
      kind: null,
      categoryCode: null,
      categoryUse: 'filter',
      unpublished: { all: false, unitCode: null },
      limit,
    });
    return Promise.all(
      items.map(async (hit) => ({ ...hit, answer: (await this.entries.version(hit.id, hit.version)).answer })),
    );
  }

  private async find(
    question: string,
    request: Omit<SearchRequest, 'tsquery' | 'similarityText' | 'today'>,
  ): Promise<Page<KnowledgeHit>> {
    const tsquery = toSearchQuery(question);
    // A question of filler only (请问, 怎么办) has nothing to look for.
    if (tsquery === '') return { items: [], total: 0 };
    const page = await this.entries.search({
      ...request,
      tsquery,
      similarityText: toSimilarityText(question),
      today: localDate(this.clock.now()),
    });
    return {
      items: page.items.map(({ headline, ...hit }) => ({ ...hit, snippet: fromHighlightText(headline) })),
      total: page.total,
    };
  }
}
