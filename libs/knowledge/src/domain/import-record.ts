import type { FieldError } from '@hotline/core';
import { CONTENT_FIELDS, type EntryDraft } from './entry-content';
import { AUDIENCES, KNOWLEDGE_KINDS } from './knowledge-vocabulary';

/** An entry of the seed or an import file, keyed by its ref. */
export type ImportedEntry = EntryDraft & { ref: string };

/** The columns of an import file (docs/operations.md, "Importing knowledge entries"), in order. */
export const IMPORT_COLUMNS = ['ref', ...CONTENT_FIELDS] as const;

/** How list fields are written: JSON arrays (JSONL), or one text with `|` between items (CSV). */
export type ListStyle = 'array' | 'pipe';

// The api's bounds (apps/api/src/knowledge/dto/knowledge-entry.dto.ts), so a file holds nothing the api refuses.
const MAX = { ref: 200, title: 200, question: 500, questions: 50, answer: 20_000, category: 16, categories: 20 };
const MAX_TEXT = { ownerUnitCode: 64, documentNumber: 100, source: 500 } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One record of an import file as an entry, or every field that is wrong with it. The directory
 * (does the unit, the category exist?) is checked when it is written, not here. In CSV an empty cell
 * is "not given": null, or an empty list.
 */
export function parseImportRecord(
  raw: Record<string, unknown>,
  lists: ListStyle,
): { entry: ImportedEntry } | { problems: FieldError[] } {
  const problems: FieldError[] = [];
  const problem = (field: string, message: string, reason: string) => problems.push({ field, message, reason });
  const unknown = Object.keys(raw).filter((k) => !(IMPORT_COLUMNS as readonly string[]).includes(k));
  for (const field of unknown) problem(field, 'is not a column of an import file', 'whitelistValidation');

  const text = (field: string, max: number, required: boolean): string | null => {
    const value = raw[field];
    if (value === undefined || value === null || (lists === 'pipe' && value === '')) {
      if (required) problem(field, 'is required', 'required');
      return null;
    }
    if (typeof value !== 'string') return (problem(field, 'must be a string', 'isString'), null);
    const trimmed = value.trim();
    if (required && trimmed === '') return (problem(field, 'must not be blank', 'isNotEmpty'), null);
    if ([...trimmed].length > max) return (problem(field, `must be at most ${max} characters`, 'maxLength'), null);
    return trimmed === '' ? null : trimmed;
  };
  const list = (field: string, maxItems: number, maxItem: number): string[] => {
    const value = raw[field];
    if (value === undefined || value === null || value === '') return [];
    let items: unknown[];
    if (lists === 'pipe') {
      if (typeof value !== 'string') return (problem(field, 'must be a text', 'isString'), []);
      items = value.split('|');
    } else {
      if (!Array.isArray(value)) return (problem(field, 'must be an array of strings', 'isArray'), []);
      items = value;
    }
    if (items.length > maxItems) return (problem(field, `must have at most ${maxItems} items`, 'arrayMaxSize'), []);
    const bad = items.findIndex((item) => typeof item !== 'string' || [...item].length > maxItem);
    if (bad >= 0)
      return (problem(`${field}.${bad}`, `must be a string of at most ${maxItem} characters`, 'maxLength'), []);
    return (items as string[]).map((item) => item.trim()).filter((item) => item !== '');
  };
  const oneOf = <T extends string>(field: string, allowed: readonly T[]): T | null => {
    const value = text(field, 32, true);
    if (value === null) return null;
    if (!(allowed as readonly string[]).includes(value)) {
      return (problem(field, `must be one of ${allowed.join(', ')}`, 'isIn'), null);
    }
    return value as T;
  };
  const day = (field: string): string | null => {
    const value = text(field, 10, false);
    if (value === null) return null;
    const [year, month, date] = value.split('-').map(Number);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (!DAY.test(value) || month < 1 || month > 12 || date < 1 || date > days[month - 1]) {
      return (problem(field, 'must be a day, YYYY-MM-DD', 'isDateString'), null);
    }
    return value;
  };

  const ref = text('ref', MAX.ref, true);
  const title = text('title', MAX.title, true);
  const questions = list('questions', MAX.questions, MAX.question);
  const answer = text('answer', MAX.answer, true);
  const kind = oneOf('kind', KNOWLEDGE_KINDS);
  const audience = oneOf('audience', AUDIENCES);
  const categoryCodes = list('categoryCodes', MAX.categories, MAX.category);
  const ownerUnitCode = text('ownerUnitCode', MAX_TEXT.ownerUnitCode, true);
  const documentNumber = text('documentNumber', MAX_TEXT.documentNumber, false);
  const source = text('source', MAX_TEXT.source, false);
  const effectiveFrom = day('effectiveFrom');
  const effectiveTo = day('effectiveTo');
  const reviewBy = day('reviewBy');
  if (effectiveFrom !== null && effectiveTo !== null && effectiveTo < effectiveFrom) {
    problem('effectiveTo', `must not be before effectiveFrom (${effectiveFrom})`, 'before_effective_from');
  }
  if (problems.length > 0) return { problems };
  return {
    entry: {
      ref: ref!,
      title: title!,
      questions,
      answer: answer!,
      kind: kind!,
      audience: audience!,
      categoryCodes,
      ownerUnitCode: ownerUnitCode!,
      documentNumber,
      source,
      ...(effectiveFrom === null ? {} : { effectiveFrom }),
      effectiveTo,
      reviewBy,
    },
  };
}
