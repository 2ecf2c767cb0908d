import { toSearchDocument, toSearchQuery } from '@hotline/text-search';
import { isCaseNumber, normalizeCaseNumber } from './domain/case-number';
import type { CaseEntity } from './entities/case.entity';

/**
 * The texts a case is found by, per tsvector weight: its description (B) and address (C), cut into words
 * by @hotline/text-search as the knowledge base's are. Never the caller's name or phone: a unit's handler
 * searches through `q` too, and must not be able to probe for a person (docs/decisions.md, "Case search
 * (issue 12)"). Neither the category's name: the list filters on `categoryCode` already, and a renamed
 * category would leave stored vectors stale.
 */
export interface CaseSearchTexts {
  B: string;
  C: string;
}

export function caseSearchTexts(c: Pick<CaseEntity, 'description' | 'address'>): CaseSearchTexts {
  const { B, C } = toSearchDocument([
    { text: c.description, weight: 'B' },
    { text: c.address, weight: 'C' },
  ]);
  return { B, C };
}

/** The tsvector of a case's search texts, given the SQL of its B and C texts (parameters or columns). */
export function caseSearchDocumentSql(b: string, c: string): string {
  return `setweight(to_tsvector('simple', ${b}), 'B') || setweight(to_tsvector('simple', ${c}), 'C')`;
}

/** What `GET /cases?q=` looks for: one case by its number, cases by their words, or nothing at all. */
export type CaseSearch =
  { kind: 'case_number'; caseNumber: string } | { kind: 'words'; tsquery: string } | { kind: 'nothing' };

/**
 * A `q` shaped like a case number is that number (exact match); anything else is a question for the
 * search documents, as the knowledge base reads one (synonyms, traditional characters, filler dropped).
 * A q of filler alone (请问, 了吗) has no word to look for: it finds nothing rather than every case.
 */
export function caseSearchOf(q: string): CaseSearch {
  if (isCaseNumber(q)) return { kind: 'case_number', caseNumber: normalizeCaseNumber(q) };
  const tsquery = toSearchQuery(q);
  return tsquery === '' ? { kind: 'nothing' } : { kind: 'words', tsquery };
}
