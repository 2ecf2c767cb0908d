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
  return anyOf(queryTerms(question).map(alternativesOf));
}

/**
 * A word in more entries than this finds no entries by itself over a large base: it only ranks those
 * a rarer word of the question found (docs/decisions.md, "Bounded knowledge search").
 */
export const COMMON_WORD_ENTRIES = 200;

/**
 * A word in no more entries than this chooses entries too when the distinctive words found fewer
 * than were asked for: it brings at most this many rows to the ranking (docs/decisions.md, "Bounded
 * knowledge search").
 */
export const WIDENING_WORD_ENTRIES = 2_000;

export interface SearchQueries {
  /** Which entries are ranked: those sharing a distinctive word of the question ('' for none). */
  match: string;
  /** The distinctive words and the fairly common ones, for when `match` finds too few; null if no wider. */
  wider: string | null;
  /** What they are ranked and highlighted by: every word, as toSearchQuery writes it. */
  rank: string;
  /** When every word is common, `match` asks for all of them; if that finds nothing, this (any of them). */
  fallback: string | null;
}

/**
 * Splits a question's words by how many entries use them (`entriesWith`, an estimate per word): the
 * distinctive ones choose the entries, every one ranks them. Over 200,000 entries a word such as 办理
 * or 投诉 is in most of them, and OR-ing it in made every search rank nearly the whole base.
 */
export function toSearchQueries(question: string, entriesWith: (word: string) => number): SearchQueries {
  const groups = queryTerms(question).map(alternativesOf);
  const rank = anyOf(groups);
  const entriesOf = (group: string[]) => group.reduce((sum, word) => sum + entriesWith(word), 0);
  const rare = groups.filter((group) => entriesOf(group) <= COMMON_WORD_ENTRIES);
  const fairlyCommon = groups.filter((group) => entriesOf(group) <= WIDENING_WORD_ENTRIES);
  if (rare.length > 0) {
    const wider = fairlyCommon.length > rare.length ? anyOf(fairlyCommon) : null;
    return { match: anyOf(rare), wider, rank, fallback: null };
  }
  if (groups.length < 2) return { match: rank, wider: null, rank, fallback: null };
  return { match: allOf(groups), wider: null, rank, fallback: rank };
}

function anyOf(groups: readonly string[][]): string {
  return groups.map((group) => `(${group.map(quote).join(' | ')})`).join(' | ');
}

function allOf(groups: readonly string[][]): string {
  return groups.map((group) => `(${group.map(quote).join(' | ')})`).join(' & ');
}

function alternativesOf(term: string): string[] {
  const inner = wordsForIndex(term).filter((w) => w !== term && [...w].length > 1);
  return [...new Set([term, ...inner].flatMap((w) => synonymsOf(w)))];
}

/** A tsquery lexeme in quotes: its quotes and backslashes doubled, as the tsquery syntax escapes them. */
export function quote(word: string): string {
  return `'${word.replace(/['\\]/g, (c) => c + c)}'`;
}
