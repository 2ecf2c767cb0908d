import { toHighlightText, toSearchDocument, toSimilarityText } from '@hotline/text-search';
import { plainAnswer } from './domain/answer-text';
import type { EntryContent } from './domain/entry-content';
import type { KnowledgeStatus } from './domain/knowledge-vocabulary';
import type { KnowledgeEntryEntity } from './entities/knowledge-entry.entity';
import type { StoredVersion, VersionSearchTexts } from './knowledge.repository';

/** An entry as shown: its state, and one version's content (the `version`th). */
export interface KnowledgeEntryView extends EntryContent {
  id: string;
  ref: string | null;
  status: KnowledgeStatus;
  currentVersion: number;
  publishedVersion: number | null;
  version: number;
  /** Who wrote the shown version (null: the seed or an importer), and when. */
  editedBy: string | null;
  editedAt: Date;
}

export function entryView(entry: KnowledgeEntryEntity, version: StoredVersion): KnowledgeEntryView {
  const { entryId: _, createdBy, createdAt, ...content } = version;
  return {
    id: entry.id,
    ref: entry.ref,
    status: entry.status,
    currentVersion: entry.currentVersion,
    publishedVersion: entry.publishedVersion,
    ...content,
    editedBy: createdBy,
    editedAt: createdAt,
  };
}

/**
 * What a version is found by: title weight A, the callers' questions B, the answer's words C, its
 * document number and source D; the title for pg_trgm; the answer for snippets.
 */
export function searchTextsOf(content: EntryContent): VersionSearchTexts {
  const answer = plainAnswer(content.answer);
  const provenance = [content.documentNumber, content.source].filter((t): t is string => t !== null).join(' ');
  return {
    weighted: toSearchDocument([
      { text: content.title, weight: 'A' },
      ...content.questions.map((text) => ({ text, weight: 'B' as const })),
      { text: answer, weight: 'C' },
      { text: provenance, weight: 'D' },
    ]),
    similarityTitle: toSimilarityText(content.title),
    highlightAnswer: toHighlightText(answer),
  };
}
