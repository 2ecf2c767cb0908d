import type { FieldError } from '@hotline/core';
import type { Audience, KnowledgeKind } from './knowledge-vocabulary';

/** What one version of an entry says: every field an edit may change. Days are `YYYY-MM-DD`. */
export interface EntryContent {
  title: string;
  /** How callers ask it, in their words: found by search like the title. */
  questions: string[];
  /** Markdown. */
  answer: string;
  kind: KnowledgeKind;
  audience: Audience;
  /** Categories it answers (any level: a category covers everything below it). */
  categoryCodes: string[];
  ownerUnitCode: string;
  /** 文号 of the policy it rests on. */
  documentNumber: string | null;
  source: string | null;
  effectiveFrom: string;
  /** The last day it applies; null: until further notice. */
  effectiveTo: string | null;
  reviewBy: string | null;
}

/** A new entry's content as a client sends it: lists, provenance and dates may be left out. */
export type EntryDraft = Pick<EntryContent, 'title' | 'answer' | 'kind' | 'audience' | 'ownerUnitCode'> &
  Partial<Omit<EntryContent, 'title' | 'answer' | 'kind' | 'audience' | 'ownerUnitCode'>>;

/** An edit: absent fields stay, null clears a field that may be empty. */
export type EntryChanges = Partial<EntryContent>;

/** Trimmed, without empty or repeated questions and categories; a new entry is in effect from `today`. */
export function newContent(draft: EntryDraft, today: string): EntryContent {
  return tidy({
    ...draft,
    questions: draft.questions ?? [],
    categoryCodes: draft.categoryCodes ?? [],
    documentNumber: draft.documentNumber ?? null,
    source: draft.source ?? null,
    effectiveFrom: draft.effectiveFrom ?? today,
    effectiveTo: draft.effectiveTo ?? null,
    reviewBy: draft.reviewBy ?? null,
  });
}

export function changedContent(current: EntryContent, changes: EntryChanges): EntryContent {
  const present = Object.entries(changes).filter(([, value]) => value !== undefined);
  return tidy({ ...current, ...Object.fromEntries(present) });
}

/** True when two versions would say the same: an edit or an import that changes nothing adds no version. */
export function sameContent(a: EntryContent, b: EntryContent): boolean {
  return CONTENT_FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

export const CONTENT_FIELDS: readonly (keyof EntryContent)[] = [
  'title',
  'questions',
  'answer',
  'kind',
  'audience',
  'categoryCodes',
  'ownerUnitCode',
  'documentNumber',
  'source',
  'effectiveFrom',
  'effectiveTo',
  'reviewBy',
];

/** The fields two versions differ in, for the audit trail. */
export function changedFields(before: EntryContent, after: EntryContent): (keyof EntryContent)[] {
  return CONTENT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

export interface DirectoryLookup {
  unitExists(code: string): boolean;
  categoryExists(code: string): boolean;
}

/** What is wrong with a version's content, field by field; empty when it may be saved. */
export function contentProblems(content: EntryContent, directory: DirectoryLookup): FieldError[] {
  const problems: FieldError[] = [];
  if (!directory.unitExists(content.ownerUnitCode)) {
    problems.push({ field: 'ownerUnitCode', message: 'is not a unit', reason: 'unknown_unit' });
  }
  content.categoryCodes.forEach((code, i) => {
    if (!directory.categoryExists(code)) {
      problems.push({ field: `categoryCodes.${i}`, message: `${code} is not a category`, reason: 'unknown_category' });
    }
  });
  if (content.effectiveTo !== null && content.effectiveTo < content.effectiveFrom) {
    problems.push({
      field: 'effectiveTo',
      message: `must not be before effectiveFrom (${content.effectiveFrom})`,
      reason: 'before_effective_from',
    });
  }
  for (const field of ['title', 'answer'] as const) {
    if (content[field] === '') problems.push({ field, message: 'must not be blank', reason: 'isNotEmpty' });
  }
  return problems;
}

/** True when the version applies on `today` (docs/product.md, "Knowledge base"). */
export function inEffect(content: Pick<EntryContent, 'effectiveFrom' | 'effectiveTo'>, today: string): boolean {
  return content.effectiveFrom <= today && (content.effectiveTo === null || content.effectiveTo >= today);
}

function tidy(content: EntryContent): EntryContent {
  const distinct = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
  return {
    ...content,
    title: content.title.trim(),
    answer: content.answer.trim(),
    questions: distinct(content.questions),
    categoryCodes: distinct(content.categoryCodes),
    documentNumber: content.documentNumber?.trim() || null,
    source: content.source?.trim() || null,
  };
}
