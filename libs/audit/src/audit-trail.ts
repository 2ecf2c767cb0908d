import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Page } from '@hotline/core';
import { AuditEntryEntity } from './audit-entry.entity';

/** Who did it: a signed-in user, or the system. */
export interface AuditActor {
  userId: string | null;
  role: string;
  unitCode: string | null;
}

export interface AuditRecord {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** Writes audit entries in the caller's transaction, so a change and its audit commit together. */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, ...entries: AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    await tx.insert(
      AuditEntryEntity,
      entries.map((e) => ({
        actorUserId: e.actor.userId,
        actorRole: e.actor.role,
        actorUnitCode: e.actor.unitCode,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        before: e.before ?? null,
        after: e.after ?? null,
      })),
    );
  }

  async list(filter: {
    entity?: string;
    entityId?: string;
    action?: string;
    limit: number;
    offset: number;
  }): Promise<Page<AuditEntryEntity>> {
    const where: Partial<Pick<AuditEntryEntity, 'entity' | 'entityId' | 'action'>> = {};
    if (filter.entity) where.entity = filter.entity;
    if (filter.entityId) where.entityId = filter.entityId;
    if (filter.action) where.action = filter.action;
    const [items, total] = await this.dataSource
      .getRepository(AuditEntryEntity)
      .findAndCount({ where, order: { at: 'DESC', id: 'DESC' }, take: filter.limit, skip: filter.offset });
    return { items, total };
  }
}
