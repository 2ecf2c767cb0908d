import { Injectable } from '@nestjs/common';
import type { Page } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  action?: string;
  limit: number;
  offset: number;
}

/** `audit_log`: append-only (a trigger refuses UPDATE and DELETE), newest first when read. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: TransactionService) {}

  async insert(rows: readonly Omit<AuditEntryEntity, 'id' | 'at'>[]): Promise<void> {
    await this.db.manager.insert(AuditEntryEntity, [...rows]);
  }

  async list(filter: AuditFilter): Promise<Page<AuditEntryEntity>> {
    const where: Partial<Pick<AuditEntryEntity, 'entity' | 'entityId' | 'action'>> = {};
    if (filter.entity) where.entity = filter.entity;
    if (filter.entityId) where.entityId = filter.entityId;
    if (filter.action) where.action = filter.action;
    const [items, total] = await this.db.manager.findAndCount(AuditEntryEntity, {
      where,
      order: { at: 'DESC', id: 'DESC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }
}
