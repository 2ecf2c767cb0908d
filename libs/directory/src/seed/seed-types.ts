/**
 * Shapes of the default reference data (docs/product.md, "Reference data"). The data files under `data/` are plain values
 * of these types; the seeder upserts them idempotently. Admins edit the live rows afterwards, so
 * nothing in the domain logic may depend on a particular seeded code.
 */
import type { UnitKind } from '../domain/reference-types';

export type { UnitKind };
export type HotlineKind = 'primary' | 'merged' | 'utility';
export type MergeMode = 'number_retired' | 'dual_number';
export type DispatchTarget = 'unit' | 'street_of_location' | 'district_of_location';

export interface HotlineSeed {
  /** Stable code; the dialled number where the line has one (e.g. `12319`), else a slug. */
  code: string;
  /** Dialled number; null while an admin has not set it (e.g. the drainage line). */
  number: string | null;
  /** Chinese name as used by the centre, e.g. `城市管理`. */
  name: string;
  kind: HotlineKind;
  /** Merged government lines only. */
  mergeMode?: MergeMode;
  /** Merged government lines only: ISO date (YYYY-MM-DD) the line joined 12345. */
  mergedOn?: string;
  /** Utility lines only: the handling unit that answers this line. */
  unitCode?: string;
}

export interface UnitSeed {
  /** Districts: the 6-digit administrative division code (e.g. `110105`);
   *  streets: district code + 3 digits; departments: `DEPT-…`; utilities: `UTIL-…`. */
  code: string;
  name: string;
  kind: UnitKind;
  /** Streets: their district's code. Others: none. */
  parentCode?: string;
}

export interface CategorySeed {
  /** Hierarchical: level 1 = 2 digits, level 2 = parent + 2 digits, level 3 = parent + 2 digits. */
  code: string;
  name: string;
  children?: CategorySeed[];
}

export interface DispatchRuleSeed {
  /** Lower runs first. */
  priority: number;
  name: string;
  /** Any level: the rule covers this category and everything below it. */
  categoryCode: string;
  districtCode?: string;
  streetCode?: string;
  target: DispatchTarget;
  /** Required when target is `unit`. */
  leadUnitCode?: string;
  coUnitCodes?: string[];
  /** Dispatch on registration without an agent's confirmation. */
  auto?: boolean;
}
