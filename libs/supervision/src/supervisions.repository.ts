import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import type { Page } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import type { SupervisionLevel } from './domain/supervision-levels';
import { SupervisionEntity } from './entities/supervision.entity';

export interface SupervisionFilter {
  status?: SupervisionEntity['status'];
  level?: SupervisionLevel;
  caseId?: string;
  unitCode?: string;
  limit: number;
  offset: number;
}

export type NewSupervision = Pick<
  SupervisionEntity,
  | 'caseId'
  | 'unitCode'
  | 'level'
  | 'trigger'
  | 'triggerEventId'
  | 'triggeredAt'
  | 'note'
  | 'dueAt'
  | 'issuedBy'
  | 'issuedAt'
>;

/** `supervisions`: supervision orders (督办), their replies and escalations. */
@Injectable()
export class SupervisionsRepository {
  constructor(private readonly db: TransactionService) {}

  insert(row: NewSupervision): Promise<SupervisionEntity> {
    return this.db.manager.save(this.db.manager.create(SupervisionEntity, row));
  }

  find(id: string): Promise<SupervisionEntity | null> {
    return this.db.manager.findOneBy(SupervisionEntity, { id });
  }

  /** The order under its row lock until the transaction ends. */
  lock(id: string): Promise<SupervisionEntity | null> {
    return this.db.manager
      .createQueryBuilder(SupervisionEntity, 's')
      .where('s.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  existsForTrigger(triggerEventId: string): Promise<boolean> {
    return this.db.manager.existsBy(SupervisionEntity, { triggerEventId });
  }

  /** The levels of a unit's orders on a case that are not closed (as this transaction sees them). */
  async standingLevels(caseId: string, unitCode: string | null): Promise<SupervisionLevel[]> {
    if (unitCode === null) return [];
    const rows = await this.db.manager.find(SupervisionEntity, {
      select: { level: true },
      where: { caseId, unitCode, status: Not('closed') },
    });
    return rows.map((row) => row.level);
  }

  async update(id: string, changes: Partial<SupervisionEntity>): Promise<void> {
    await this.db.manager.update(SupervisionEntity, { id }, changes);
  }

  /** Open orders past their due time, soonest first (not locked: the caller locks their cases first). */
  async overdueCaseIds(now: Date, limit: number): Promise<string[]> {
    const rows: { case_id: string }[] = await this.db.manager.query(
      `SELECT case_id FROM supervisions WHERE status = 'open' AND due_at <= $1 ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
    return [...new Set(rows.map((r) => r.case_id))];
  }

  /** The overdue open orders of these (locked) cases; one another escalation holds is skipped. */
  lockOverdue(caseIds: readonly string[], now: Date): Promise<SupervisionEntity[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return this.db.manager
      .createQueryBuilder(SupervisionEntity, 's')
      .where(`s.caseId IN (:...caseIds) AND s.status = 'open' AND s.dueAt <= :now`, { caseIds: [...caseIds], now })
      .orderBy('s.dueAt')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Newest first; `scopeUnit`: a handler sees the orders addressed to its unit only. */
  async list(filter: SupervisionFilter, scopeUnit: string | null): Promise<Page<SupervisionEntity>> {
    const query = this.db.manager.createQueryBuilder(SupervisionEntity, 's');
    if (scopeUnit !== null) query.andWhere('s.unitCode = :own', { own: scopeUnit });
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.level) query.andWhere('s.level = :level', { level: filter.level });
    if (filter.caseId) query.andWhere('s.caseId = :caseId', { caseId: filter.caseId });
    if (filter.unitCode) query.andWhere('s.unitCode = :unit', { unit: filter.unitCode });
    const [items, total] = await query
      .orderBy('s.issuedAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }
}
