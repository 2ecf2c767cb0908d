import { STOP_WORDS } from './data/stop-words';
import { fold } from './fold';
import { isWord, words } from './segment';

const STOP = new Set(STOP_WORDS);
const HAN = /\p{Script=Han}/u;

/**
 * A title or a question for pg_trgm: folded, filler dropped, and every Chinese character a word of
 * its own (digits and Latin words stay whole). pg_trgm's trigrams of such words are the characters
 * themselves, so `similarity` measures shared characters: one wrong character costs one of five in
 * 公积经提取 against 公积金提取 (0.67), where trigrams of the unbroken string lose three of six (0.33)
 * — a Chinese word is two to four characters, shorter than most trigrams of it (docs/decisions.md).
 */
export function toSimilarityText(text: string): string {
  return words(fold(text))
    .filter((w) => isWord(w) && !STOP.has(w))
    .flatMap((w) => (HAN.test(w) ? [...w].filter(isWord) : [w]))
    .join(' ');
}
