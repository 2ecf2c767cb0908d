import type { EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { type ChildUnitLevel, parseChildUnitsCsv } from './child-units-csv';
import { CategoryEntity } from '../entities/category.entity';
import { DispatchRuleEntity } from '../entities/dispatch-rule.entity';
import { HotlineEntity } from '../entities/hotline.entity';
import { SlaPolicyEntity } from '../entities/sla-policy.entity';
import { UnitEntity } from '../entities/unit.entity';
import { CATEGORIES } from './data/categories';
import { DISPATCH_RULES } from './data/dispatch-rules';
import { HOTLINES } from './data/hotlines';
import { SLA_POLICIES } from './data/sla-policies';
import { UNITS } from './data/units';
import type { CategorySeed } from './seed-types';

export type SeedReport = Record<'units' | 'hotlines' | 'categories' | 'dispatchRules' | 'slaPolicies', number>;

/**
 * Inserts the default reference data where it is missing and never overwrites a row: an admin's
 * edits survive every re-run. Safe to run on every start. Run by `npm run prepare:stack` with the
 * schema owner's connection, outside the apps (so it takes the EntityManager of that script).
 */
export async function seedDirectory(manager: EntityManager): Promise<SeedReport> {
  const unitRank = { district: 0, department: 0, utility: 0, street: 1, community: 2 } as const;
  const units = [...UNITS].sort((a, b) => unitRank[a.kind] - unitRank[b.kind]);
  return {
    units: await insertMissing(
      manager,
      UnitEntity,
      units.map((u) => ({ ...u, parentCode: u.parentCode ?? null })),
    ),
    hotlines: await insertMissing(
      manager,
      HotlineEntity,
      HOTLINES.map((h) => ({
        ...h,
        mergeMode: h.mergeMode ?? null,
        mergedOn: h.mergedOn ?? null,
        unitCode: h.unitCode ?? null,
      })),
    ),
    categories: await insertMissing(manager, CategoryEntity, flattenCategories(CATEGORIES)),
    dispatchRules: await insertMissing(
      manager,
      DispatchRuleEntity,
      DISPATCH_RULES.map((r) => ({
        ...r,
        districtCode: r.districtCode ?? null,
        streetCode: r.streetCode ?? null,
        leadUnitCode: r.leadUnitCode ?? null,
        coUnitCodes: r.coUnitCodes ?? [],
        auto: r.auto ?? false,
      })),
    ),
    slaPolicies: await insertMissing(
      manager,
      SlaPolicyEntity,
      SLA_POLICIES.map((p) => ({ ...p, categoryCode: null })),
    ),
  };
}

/**
 * Loads the full street/township list (`npm run import:streets`) or community/village list (`npm run
 * import:communities`) from its CSV: new codes are added, existing ones take the file's name and parent
 * (the official list wins). Returns rows.
 */
export async function importChildUnits(manager: EntityManager, level: ChildUnitLevel, csv: string): Promise<number> {
  const parentKind = level === 'street' ? 'district' : 'street';
  const parents = await manager.find(UnitEntity, { where: { kind: parentKind }, select: { code: true } });
  const rows = parseChildUnitsCsv(csv, level, new Set(parents.map((p) => p.code)));
  if (rows.length === 0) return 0;
  await manager
    .createQueryBuilder()
    .insert()
    .into(UnitEntity)
    .values(rows.map((r) => ({ code: r.code, name: r.name, kind: level, parentCode: r.parentCode })))
    .orUpdate(['name', 'parent_code'], ['code'])
    .execute();
  return rows.length;
}

/** Parents before children, as the foreign keys need. */
export function flattenCategories(
  tree: readonly CategorySeed[],
  parentCode: string | null = null,
  level = 1,
): { code: string; name: string; level: number; parentCode: string | null }[] {
  return tree.flatMap((node) => [
    { code: node.code, name: node.name, level, parentCode },
    ...flattenCategories(node.children ?? [], node.code, level + 1),
  ]);
}

async function insertMissing<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly object[],
): Promise<number> {
  let inserted = 0;
  // Chunks keep each statement well under PostgreSQL's 65535-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + 500))
      .orIgnore()
      .returning('1 AS inserted')
      .execute();
    inserted += (result.raw as unknown[]).length;
  }
  return inserted;
}
