import { Injectable } from '@nestjs/common';
import { Clock, localDate } from '@hotline/clock';
import { DomainError, type Page } from '@hotline/core';
import { fromHighlightText, toSearchQueries, toSimilarityText } from '@hotline/text-search';
import { type KnowledgeActor, unpublishedReach } from './domain/knowledge-access';
import { type Asker, audiencesFor, type KnowledgeKind } from './domain/knowledge-vocabulary';
import { CommonWordsService } from './common-words.service';
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
    private readonly wordCounts: CommonWordsService,
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
    const versions = await this.entries.versionsOf(items.map((hit) => ({ entryId: hit.id, version: hit.version })));
    const answerOf = new Map(versions.map((v) => [`${v.entryId}/${v.version}`, v.answer]));
    return items.map((hit) => ({ ...hit, answer: answerOf.get(`${hit.id}/${hit.version}`)! }));
  }

  private async find(
    question: string,
    request: Omit<SearchRequest, 'match' | 'rank' | 'similarityText' | 'byTitleCharacters' | 'today'>,
  ): Promise<Page<KnowledgeHit>> {
    const counts = await this.wordCounts.get();
    const { match, wider, rank, fallback } = toSearchQueries(question, (word) => counts.get(word) ?? 0);
    // A question of filler only (请问, 怎么办) has nothing to look for.
    if (rank === '') return { items: [], total: 0 };
    const search = { ...request, rank, similarityText: toSimilarityText(question), today: localDate(this.clock.now()) };
    // Distinctive words first, or all the common ones together if it has none, then any of those;
    // the fairly common words too, and then the title's characters (typos), each only when what came
    // before found fewer entries than asked for.
    let words = match;
    let page = await this.entries.search({ ...search, match: words, byTitleCharacters: false });
    if (page.total === 0 && fallback !== null) {
      words = fallback;
      page = await this.entries.search({ ...search, match: words, byTitleCharacters: false });
    }
    if (page.items.length < request.limit && wider !== null) {
      words = wider;
      page = await this.entries.search({ ...search, match: words, byTitleCharacters: false });
    }
    if (page.items.length < request.limit) {
      page = await this.entries.search({ ...search, match: words, byTitleCharacters: true });
    }
    return {
      items: page.items.map(({ headline, ...hit }) => ({ ...hit, snippet: fromHighlightText(headline) })),
      total: page.total,
    };
  }
}
