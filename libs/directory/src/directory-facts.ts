import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { DirectoryFacts } from './domain/dispatch-rule-validation';
import { CategoryEntity } from './entities/category.entity';
import { UnitEntity } from './entities/unit.entity';

/** Loads just the units and categories a validation needs, as DirectoryFacts. */
export async function loadDirectoryFacts(
  tx: EntityManager,
  unitCodes: readonly (string | null | undefined)[],
  categoryCodes: readonly (string | null | undefined)[],
): Promise<DirectoryFacts> {
  const wantedUnits = unitCodes.filter((c): c is string => !!c);
  const wantedCategories = categoryCodes.filter((c): c is string => !!c);
  const units = wantedUnits.length ? await tx.find(UnitEntity, { where: { code: In(wantedUnits) } }) : [];
  const categories = wantedCategories.length
    ? await tx.find(CategoryEntity, { where: { code: In(wantedCategories) }, select: { code: true } })
    : [];
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const categorySet = new Set(categories.map((c) => c.code));
  return { unit: (code) => unitByCode.get(code), categoryExists: (code) => categorySet.has(code) };
}
