import { fold, simplified } from './fold';
import { isWord, words, wordsForIndex } from './segment';

/** PostgreSQL's four weights: A counts most in ts_rank_cd (1.0), then B 0.4, C 0.2, D 0.1. */
export type SearchWeight = 'A' | 'B' | 'C' | 'D';

export interface SearchField {
  text: string;
  weight: SearchWeight;
}

/**
 * What to store for full-text search: per weight, the words of its fields, folded and space-separated,
 * so that `setweight(to_tsvector('simple', $A), 'A') || setweight(to_tsvector('simple', $B), 'B') || …`
 * indexes them word by word (PostgreSQL's parser cannot cut Chinese; the 'simple' configuration keeps
 * every word as it is). Search-mode segmentation, so short words inside long ones are found too.
 */
export function toSearchDocument(fields: readonly SearchField[]): Record<SearchWeight, string> {
  const document: Record<SearchWeight, string[]> = { A: [], B: [], C: [], D: [] };
  for (const { text, weight } of fields) document[weight].push(...wordsForIndex(fold(text)).filter(isWord));
  return {
    A: document.A.join(' '),
    B: document.B.join(' '),
    C: document.C.join(' '),
    D: document.D.join(' '),
  };
}

// Separates words for PostgreSQL's parser (a blank to it) and vanishes when shown.
const INVISIBLE_SEPARATOR = '\u200b';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for `ts_headline`: simplified, cut into words joined by an invisible separator, the words
 * normalized as the search saw them (１２３４５ → 12345, case kept) and the punctuation as written (，
 * stays full-width), HTML-escaped token by token (PostgreSQL's parser reads an escape as an entity,
 * not a word). The headline's `<mark>` tags are then its only markup; `fromHighlightText` removes
 * the separators.
 */
export function toHighlightText(text: string): string {
  return words(simplified(text))
    .map((token) => (isWord(token) ? token.normalize('NFKC') : token).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]))
    .join(INVISIBLE_SEPARATOR);
}

/** A headline of `toHighlightText`'s text, as people read it: the words joined again. */
export function fromHighlightText(headline: string): string {
  return headline.split(INVISIBLE_SEPARATOR).join('');
}
