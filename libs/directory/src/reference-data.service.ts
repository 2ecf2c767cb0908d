import { Injectable } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import type { Page } from '@hotline/core';
import type { DirectoryFacts } from './domain/dispatch-rule-validation';
import type { CategoryEntity } from './entities/category.entity';
import type { DispatchRuleEntity } from './entities/dispatch-rule.entity';
import type { HotlineEntity } from './entities/hotline.entity';
import type { SlaPolicyEntity } from './entities/sla-policy.entity';
import type { UnitEntity } from './entities/unit.entity';
import { CategoryFilter, HotlineFilter, ReferenceDataRepository, UnitFilter } from './reference-data.repository';

/** All reference data at one moment: a few hundred rows, read on every registration and dispatch. */
export interface ReferenceSnapshot {
  units: ReadonlyMap<string, UnitEntity>;
  categories: ReadonlyMap<string, CategoryEntity>;
  hotlines: ReadonlyMap<string, HotlineEntity>;
  hotlinesByNumber: ReadonlyMap<string, HotlineEntity>;
  primaryHotline: HotlineEntity;
  slaPolicies: readonly SlaPolicyEntity[];
  /** Active rules, in the order they are tried. */
  dispatchRules: readonly DispatchRuleEntity[];
}

/**
 * Reference data for everyone else: the lists the api pages through, and the in-memory snapshot
 * the hot paths (intake, dispatch) read instead of querying each time. The snapshot is reloaded
 * after REFERENCE_CACHE_SECONDS, and at once after a change made through this process.
 */
@Injectable()
export class ReferenceDataService {
  private current: { at: number; snapshot: Promise<ReferenceSnapshot> } | undefined;

  constructor(
    private readonly reference: ReferenceDataRepository,
    private readonly config: AppConfig,
  ) {}

  snapshot(): Promise<ReferenceSnapshot> {
    // Freshness is elapsed process time (monotonic), not business time: the Clock may be moved.
    const now = performance.now();
    if (!this.current || now - this.current.at > this.config.REFERENCE_CACHE_SECONDS * 1000) {
      const snapshot = this.load();
      this.current = { at: now, snapshot };
      snapshot.catch(() => (this.current = undefined));
    }
    return this.current.snapshot;
  }

  invalidate(): void {
    this.current = undefined;
  }

  hotlines(filter: HotlineFilter): Promise<Page<HotlineEntity>> {
    return this.reference.hotlines(filter);
  }

  units(filter: UnitFilter): Promise<Page<UnitEntity>> {
    return this.reference.units(filter);
  }

  categories(filter: CategoryFilter): Promise<Page<CategoryEntity>> {
    return this.reference.categories(filter);
  }

  /** Just the units and categories a validation needs, read now (not from the snapshot). */
  async facts(
    unitCodes: readonly (string | null | undefined)[],
    categoryCodes: readonly (string | null | undefined)[],
  ): Promise<DirectoryFacts> {
    const units = await this.reference.unitsByCode(unitCodes.filter((c): c is string => !!c));
    const categories = await this.reference.existingCategoryCodes(categoryCodes.filter((c): c is string => !!c));
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    return { unit: (code) => unitByCode.get(code), categoryExists: (code) => categories.has(code) };
  }

  private async load(): Promise<ReferenceSnapshot> {
    const rows = await this.reference.all();
    const primaryHotline = rows.activeHotlines.find((h) => h.kind === 'primary');
    if (!primaryHotline) throw new Error('Reference data has no primary hotline (12345): run `npm run prepare:stack`');
    return {
      units: new Map(rows.units.map((u) => [u.code, u])),
      categories: new Map(rows.categories.map((c) => [c.code, c])),
      hotlines: new Map(rows.activeHotlines.map((h) => [h.code, h])),
      hotlinesByNumber: new Map(rows.activeHotlines.filter((h) => h.number).map((h) => [h.number!, h])),
      primaryHotline,
      slaPolicies: rows.slaPolicies,
      dispatchRules: rows.activeDispatchRules,
    };
  }
}
