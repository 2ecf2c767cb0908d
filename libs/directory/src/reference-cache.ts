import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { CategoryEntity } from './entities/category.entity';
import { DispatchRuleEntity } from './entities/dispatch-rule.entity';
import { HotlineEntity } from './entities/hotline.entity';
import { SlaPolicyEntity } from './entities/sla-policy.entity';
import { UnitEntity } from './entities/unit.entity';

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
 * Keeps reference data in memory so the hot paths (intake, dispatch) do not query it each time.
 * Reloaded after REFERENCE_CACHE_SECONDS, and at once after a change made through this process.
 */
@Injectable()
export class ReferenceCache {
  private current: { at: number; snapshot: Promise<ReferenceSnapshot> } | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  private async load(): Promise<ReferenceSnapshot> {
    const [units, categories, hotlines, slaPolicies, dispatchRules] = await Promise.all([
      this.dataSource.getRepository(UnitEntity).find(),
      this.dataSource.getRepository(CategoryEntity).find(),
      this.dataSource.getRepository(HotlineEntity).find({ where: { active: true } }),
      this.dataSource.getRepository(SlaPolicyEntity).find(),
      this.dataSource
        .getRepository(DispatchRuleEntity)
        .find({ where: { active: true }, order: { priority: 'ASC', name: 'ASC' } }),
    ]);
    const primaryHotline = hotlines.find((h) => h.kind === 'primary');
    if (!primaryHotline) throw new Error('Reference data has no primary hotline (12345): run `npm run prepare:stack`');
    return {
      units: new Map(units.map((u) => [u.code, u])),
      categories: new Map(categories.map((c) => [c.code, c])),
      hotlines: new Map(hotlines.map((h) => [h.code, h])),
      hotlinesByNumber: new Map(hotlines.filter((h) => h.number).map((h) => [h.number!, h])),
      primaryHotline,
      slaPolicies,
      dispatchRules,
    };
  }
}
