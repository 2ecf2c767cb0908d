import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import type { Page, PageRequest } from '@hotline/core';
import { CategoryEntity } from './entities/category.entity';
import { HotlineEntity } from './entities/hotline.entity';
import { UnitEntity } from './entities/unit.entity';
import type { HotlineKind, UnitKind } from './domain/reference-types';

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

/** Read side of the directory: hotlines, units and categories, filtered and paged. */
@Injectable()
export class DirectoryQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async hotlines({ kind, limit, offset }: HotlineFilter): Promise<Page<HotlineEntity>> {
    return this.page(HotlineEntity, kind ? { kind } : {}, { kind: 'ASC', code: 'ASC' }, limit, offset);
  }

  async units({ kind, parentCode, limit, offset }: UnitFilter): Promise<Page<UnitEntity>> {
    const where: FindOptionsWhere<UnitEntity> = {};
    if (kind) where.kind = kind;
    if (parentCode) where.parentCode = parentCode;
    return this.page(UnitEntity, where, { code: 'ASC' }, limit, offset);
  }

  async categories({ level, parentCode, limit, offset }: CategoryFilter): Promise<Page<CategoryEntity>> {
    const where: FindOptionsWhere<CategoryEntity> = {};
    if (level) where.level = level;
    if (parentCode) where.parentCode = parentCode;
    return this.page(CategoryEntity, where, { code: 'ASC' }, limit, offset);
  }

  private async page<T extends object>(
    entity: new () => T,
    where: FindOptionsWhere<T>,
    order: Record<string, 'ASC' | 'DESC'>,
    limit: number,
    offset: number,
  ): Promise<Page<T>> {
    const [items, total] = await this.dataSource
      .getRepository(entity)
      .findAndCount({ where, order: order as never, take: limit, skip: offset });
    return { items, total };
  }
}
