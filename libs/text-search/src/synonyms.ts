import { SYNONYM_GROUPS } from './data/synonyms';
import { fold } from './fold';

let groupsByWord: Map<string, readonly string[]> | undefined;

/** The word and every word a group puts beside it (暖气 → 暖气, 供暖, 供热, 采暖, 取暖), folded. */
export function synonymsOf(word: string): readonly string[] {
  groupsByWord ??= indexGroups();
  return groupsByWord.get(word) ?? [word];
}

// A word in two groups (物业 in 物业 and, through 物业费, nowhere else today) gets the union of both.
function indexGroups(): Map<string, readonly string[]> {
  const index = new Map<string, Set<string>>();
  for (const group of SYNONYM_GROUPS) {
    const folded = group.map(fold);
    for (const word of folded) {
      const entry = index.get(word) ?? new Set([word]);
      folded.forEach((w) => entry.add(w));
      index.set(word, entry);
    }
  }
  return new Map([...index].map(([word, group]) => [word, [...group]]));
}
