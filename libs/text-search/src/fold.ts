import { Converter } from 'opencc-js';

// Zero-width characters: invisible, but they would split or glue words.
const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;

let convert: ((text: string) => string) | undefined;

/** Traditional characters to simplified (暖氣 → 暖气: OpenCC, with Taiwan's variants), zero-width characters removed. */
export function simplified(text: string): string {
  // Built on first use: OpenCC's tables take ~150 ms to load, which a spec that never folds need not pay.
  convert ??= Converter({ from: 'tw', to: 'cn' });
  return convert(text.replace(ZERO_WIDTH, ''));
}

/**
 * The same characters for the same word, whoever typed it: `simplified`, and full-width forms to
 * half-width (１２３４５ → 12345, ＡＢＣ → ABC: Unicode NFKC). Case is kept; `fold` also lower-cases.
 */
export function normalize(text: string): string {
  return simplified(text.normalize('NFKC'));
}

/** `normalize`, lower-cased: the form in which words are compared (synonyms, stop words, search). */
export function fold(text: string): string {
  return normalize(text).toLowerCase();
}
