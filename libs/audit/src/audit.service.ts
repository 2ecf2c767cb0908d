import { Injectable } from '@nestjs/common';
import type { Page } from '@hotline/core';
import type { AuditEntryEntity } from './audit-entry.entity';
import { AuditFilter, AuditRepository } from './audit.repository';

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

/** The audit trail: written in the ambient transaction, so a change and its audit commit together. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(...entries: AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    await this.audit.insert(
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

  list(filter: AuditFilter): Promise<Page<AuditEntryEntity>> {
    return this.audit.list(filter);
  }
}
