import { categoryPath } from '@hotline/directory/domain';
import type { CasePlace, CatalogueRule } from './catalogue-engine';

/** A rule as the dry run proposes it: a catalogue rule that may be switched off. */
export type ProposedRule = CatalogueRule & { active: boolean };

/** The facts of a case the catalogue decides on. */
export interface PlacedCase {
  categoryCode: string;
  districtCode: string | null;
  streetCode: string | null;
  overflowFrom: string | null;
}

/** Where the catalogue looks at a case: its category by the tree (a moved category is covered by its new parent's rules). */
export function casePlace(c: PlacedCase, categories: ReadonlyMap<string, { parentCode: string | null }>): CasePlace {
  return {
    categoryCode: c.categoryCode,
    categoryPath: categoryPath(c.categoryCode, categories),
    districtCode: c.districtCode,
    streetCode: c.streetCode,
    overflowFrom: c.overflowFrom,
  };
}

/**
 * The active catalogue with one rule changed (replacing the rule of the same id), added, or — switched
 * off — taken out, in the order rules are tried.
 */
export function catalogueWith(active: readonly CatalogueRule[], proposed: ProposedRule): CatalogueRule[] {
  const others = active.filter((r) => r.id !== proposed.id);
  const rules = proposed.active ? [...others, proposed] : others;
  return rules.sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
}
