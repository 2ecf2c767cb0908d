import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { HOTLINE_TERMS } from './data/hotline-terms';
import { SYNONYM_GROUPS } from './data/synonyms';

// High enough that a user term beats jieba's split of it (住房公积金, not 住房/公积金), low enough not to
// swallow the neighbours of short terms.
const USER_TERM_FREQUENCY = 2000;

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    // jieba's own dictionary takes ~400 ms to load: once per process, on first use.
    jieba = Jieba.withDict(dict);
    const terms = new Set([...HOTLINE_TERMS, ...SYNONYM_GROUPS.flat()]);
    jieba.loadDict(Buffer.from([...terms].map((term) => `${term} ${USER_TERM_FREQUENCY}`).join('\n'), 'utf8'));
  }
  return jieba;
}

/**
 * Words, in order, each once where it stands (precise mode). HMM guessing of unknown words is off: it
 * glues 太吵 or 没水平 into new "words" that no synonym or document shares; unknown runs stay single
 * characters instead, which still match.
 */
export function words(text: string): string[] {
  return segmenter().cut(text, false);
}

/**
 * Search mode: each word and, before it, the dictionary words inside it (住房公积金 → 住房, 公积, 积金,
 * 公积金, 住房公积金), so a document with the long word is found by a question with a short one.
 */
export function wordsForIndex(text: string): string[] {
  return segmenter().cutForSearch(text, false);
}

/** True for a token that holds a letter or a digit: punctuation and spaces are not words. */
export function isWord(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}
