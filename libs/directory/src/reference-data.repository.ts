import { Injectable } from '@nestjs/common';
import { EntityTarget, FindOptionsWhere, In } from 'typeorm';
import type { Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import type { HotlineKind, UnitKind } from './domain/reference-types';
import { CategoryEntity } from './entities/category.entity';
import { DispatchRuleEntity } from './entities/dispatch-rule.entity';
import { HotlineEntity } from './entities/hotline.entity';
import { SlaPolicyEntity } from './entities/sla-policy.entity';
import { UnitEntity } from './entities/unit.entity';

export interface HotlineFilter extends PageRequest {
  kind?: HotlineKind;
}
export interface UnitFilter extends PageRequest {
  kind?: UnitKind;
  parentCode?: string;
}
export interface CategoryFilter extends PageRequest {
  level?: number;
  parentCode?: string;
}

/** Every reference table at once, as the in-memory snapshot needs it. */
export interface ReferenceRows {
  units: UnitEntity[];
  categories: CategoryEntity[];
  activeHotlines: HotlineEntity[];
  slaPolicies: SlaPolicyEntity[];
  activeDispatchRules: DispatchRuleEntity[];
}

/** The directory tables an upkeep change writes, by entity name. */
const TABLES = { hotline: HotlineEntity, unit: UnitEntity, category: CategoryEntity } as const;
export type DirectoryTable = keyof typeof TABLES;
type Coded = { code: string };

/** `hotlines`, `units`, `categories` (and, for the snapshot, the catalogue and the SLA policy). */
@Injectable()
export class ReferenceDataRepository {
  constructor(private readonly db: TransactionService) {}

  hotlines({ kind, limit, offset }: HotlineFilter): Promise<Page<HotlineEntity>> {
    return this.page(HotlineEntity, kind ? { kind } : {}, { kind: 'ASC', code: 'ASC' }, limit, offset);
  }

  units({ kind, parentCode, limit, offset }: UnitFilter): Promise<Page<UnitEntity>> {
    const where: FindOptionsWhere<UnitEntity> = {};
    if (kind) where.kind = kind;
    if (parentCode) where.parentCode = parentCode;
    return this.page(UnitEntity, where, { code: 'ASC' }, limit, offset);
  }

  categories({ level, parentCode, limit, offset }: CategoryFilter): Promise<Page<CategoryEntity>> {
    const where: FindOptionsWhere<CategoryEntity> = {};
    if (level) where.level = level;
    if (parentCode) where.parentCode = parentCode;
    return this.page(CategoryEntity, where, { code: 'ASC' }, limit, offset);
  }

  unitsByCode(codes: readonly string[]): Promise<UnitEntity[]> {
    return codes.length ? this.db.manager.find(UnitEntity, { where: { code: In([...codes]) } }) : Promise.resolve([]);
  }

  async existingCategoryCodes(codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const found = await this.db.manager.find(CategoryEntity, {
      where: { code: In([...codes]) },
      select: { code: true },
    });
    return new Set(found.map((c) => c.code));
  }

  /**
   * The whole snapshot, one read after the other on the caller's connection: it may be inside a
   * transaction, and asking the pool for a second connection there could wait for ever on a pool
   * that busy transactions have drained.
   */
  async all(): Promise<ReferenceRows> {
    const m = this.db.manager;
    return {
      units: await m.find(UnitEntity),
      categories: await m.find(CategoryEntity),
      activeHotlines: await m.find(HotlineEntity, { where: { active: true } }),
      slaPolicies: await m.find(SlaPolicyEntity),
      activeDispatchRules: await m.find(DispatchRuleEntity, {
        where: { active: true },
        order: { priority: 'ASC', name: 'ASC' },
      }),
    };
  }

  /** The row, locked until the transaction ends (an upkeep change reads, checks and writes under it); null when unknown. */
  lockRow(table: 'hotline', code: string): Promise<HotlineEntity | null>;
  lockRow(table: 'unit', code: string): Promise<UnitEntity | null>;
  lockRow(table: 'category', code: string): Promise<CategoryEntity | null>;
  lockRow(table: DirectoryTable, code: string): Promise<Coded | null> {
    return this.db.manager.findOne<Coded>(TABLES[table], { where: { code }, lock: { mode: 'pessimistic_write' } });
  }

  row(table: 'unit', code: string): Promise<UnitEntity | null>;
  row(table: 'category', code: string): Promise<CategoryEntity | null>;
  row(table: DirectoryTable, code: string): Promise<Coded | null> {
    return this.db.manager.findOne<Coded>(TABLES[table], { where: { code } });
  }

  /** Another active hotline answering on `number`, if any. */
  hotlineByNumber(number: string, exceptCode: string): Promise<HotlineEntity | null> {
    return this.db.manager
      .createQueryBuilder(HotlineEntity, 'h')
      .where('h.number = :number AND h.code <> :exceptCode AND h.active', { number, exceptCode })
      .getOne();
  }

  /** A new unit or category, as written. */
  async insertRow(table: 'unit' | 'category', row: Coded & Record<string, unknown>): Promise<object> {
    const entity: EntityTarget<Coded> = TABLES[table];
    return this.db.manager.save(entity, this.db.manager.create(entity, row));
  }

  /** The row after the fields are set. */
  async updateRow(table: DirectoryTable, code: string, fields: Record<string, unknown>): Promise<object> {
    await this.db.manager.update<Coded>(TABLES[table], { code }, fields);
    return (await this.db.manager.findOne<Coded>(TABLES[table], { where: { code } }))!;
  }

  private async page<T extends object>(
    entity: new () => T,
    where: FindOptionsWhere<T>,
    order: Record<string, 'ASC' | 'DESC'>,
    limit: number,
    offset: number,
  ): Promise<Page<T>> {
    const [items, total] = await this.db.manager.findAndCount(entity, {
      where,
      order: order as never,
      take: limit,
      skip: offset,
    });
    return { items, total };
  }
}
