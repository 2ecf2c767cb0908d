import { Injectable } from '@nestjs/common';
import type { FindOptionsWhere } from 'typeorm';
import type { Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import type { ReferenceChangeStatus, ReferenceEntity } from './domain/reference-upkeep';
import { ReferenceChangeEntity } from './entities/reference-change.entity';

export interface ReferenceChangeFilter extends PageRequest {
  entity?: ReferenceEntity;
  entityKey?: string;
  status?: ReferenceChangeStatus;
}

export type NewReferenceChange = Pick<
  ReferenceChangeEntity,
  'entity' | 'entityKey' | 'change' | 'reason' | 'effectiveFrom' | 'requestedBy' | 'requestedAt'
>;

/** `reference_changes`: every change of reference data, scheduled or applied, in the order asked. */
@Injectable()
export class ReferenceChangesRepository {
  constructor(private readonly db: TransactionService) {}

  scheduled(change: NewReferenceChange): Promise<ReferenceChangeEntity> {
    return this.save({ ...change, status: 'scheduled' });
  }

  /**
   * Applied (now, or a scheduled change at its time): the next version of the row. Call it under the row's
   * lock, so two changes never share a version.
   */
  async applied(
    change: NewReferenceChange | ReferenceChangeEntity,
    outcome: { before: object | null; after: object },
    appliedAt: Date,
  ): Promise<ReferenceChangeEntity> {
    const version = await this.nextVersion(change.entity, change.entityKey);
    return this.save({ ...change, status: 'applied', version, ...outcome, appliedAt });
  }

  markFailed(change: ReferenceChangeEntity, problems: readonly object[]): Promise<ReferenceChangeEntity> {
    return this.save({ ...change, status: 'failed', problems: [...problems] });
  }

  markCancelled(change: ReferenceChangeEntity): Promise<ReferenceChangeEntity> {
    return this.save({ ...change, status: 'cancelled' });
  }

  /** Locked for a decision (cancel); null when unknown. */
  lock(id: string): Promise<ReferenceChangeEntity | null> {
    return this.db.manager.findOne(ReferenceChangeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Scheduled changes due by `now`, oldest first, claimed so that two workers never apply the same one. */
  claimDue(now: Date, limit: number): Promise<ReferenceChangeEntity[]> {
    return this.db.manager
      .createQueryBuilder(ReferenceChangeEntity, 'c')
      .where(`c.status = 'scheduled' AND c.effective_from <= :now`, { now })
      .orderBy('c.effective_from', 'ASC')
      .addOrderBy('c.requested_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async page({
    entity,
    entityKey,
    status,
    limit,
    offset,
  }: ReferenceChangeFilter): Promise<Page<ReferenceChangeEntity>> {
    const where: FindOptionsWhere<ReferenceChangeEntity> = {};
    if (entity) where.entity = entity;
    if (entityKey) where.entityKey = entityKey;
    if (status) where.status = status;
    const [items, total] = await this.db.manager.findAndCount(ReferenceChangeEntity, {
      where,
      order: { requestedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  private async nextVersion(entity: ReferenceEntity, entityKey: string): Promise<number> {
    const [row] = await this.db.manager.query<{ next: number }[]>(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM reference_changes WHERE entity = $1 AND entity_key = $2`,
      [entity, entityKey],
    );
    return Number(row.next);
  }

  private save(row: Partial<ReferenceChangeEntity>): Promise<ReferenceChangeEntity> {
    return this.db.manager.save(this.db.manager.create(ReferenceChangeEntity, row));
  }
}
