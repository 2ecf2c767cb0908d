import { STOP_WORDS } from './data/stop-words';
import { fold } from './fold';
import { isWord, words, wordsForIndex } from './segment';
import { synonymsOf } from './synonyms';

/** More terms than a question has: a case description is cut here, the rest adds little but cost. */
export const MAX_QUERY_TERMS = 32;

const STOP = new Set(STOP_WORDS);

/**
 * The words of a question that say what it is about, folded, in order, each once: filler
 * (请问, 怎么, 我家, 了, 吗 …) and punctuation dropped.
 */
export function queryTerms(question: string): string[] {
  const terms = words(fold(question)).filter((w) => isWord(w) && !STOP.has(w));
  return [...new Set(terms)].slice(0, MAX_QUERY_TERMS);
}

/**
 * A tsquery for `to_tsquery('simple', …)`, or '' when the question has no term: each term OR-ed with
 * its synonyms and with the dictionary words inside it (暖气费 → 暖气费 | 暖气 | 供暖 | …), and the
 * terms OR-ed together, so an entry sharing any of them is found and `ts_rank_cd` puts those sharing
 * more of them, in heavier fields, first (docs/decisions.md, "Knowledge base (issue 12)"). Every word
 * is quoted, so no character of the question is read as tsquery syntax.
 */
export function toSearchQuery(question: string): string {
  return queryTerms(question)
    .map((term) => `(${alternativesOf(term).map(quote).join(' | ')})`)
    .join(' | ');
}

function alternativesOf(term: string): string[] {
  const inner = wordsForIndex(term).filter((w) => w !== term && [...w].length > 1);
  return [...new Set([term, ...inner].flatMap((w) => synonymsOf(w)))];
}

/** A tsquery lexeme in quotes: its quotes and backslashes doubled, as the tsquery syntax escapes them. */
export function quote(word: string): string {
  return `'${word.replace(/['\\]/g, (c) => c + c)}'`;
}
