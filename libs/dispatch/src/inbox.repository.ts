import { Injectable } from '@nestjs/common';
import { addMs, HOUR_MS } from '@hotline/clock';
import type { Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import type { DueBand, DueFilter, InboxStage, InboxWorkState } from './domain/inbox-work';
import { UnitInboxItemEntity } from './entities/unit-inbox-item.entity';

export type NewInboxItem = Omit<
  UnitInboxItemEntity,
  'status' | 'updatedAt' | 'alert' | 'supervisionLevel' | 'assigneeUserId' | 'lastNotice' | 'lastNoticeAt'
>;

export interface InboxQuery {
  unitCode: string;
  due?: DueFilter;
  stage?: InboxStage;
  /** A user id, or `none` for unassigned items. */
  assignee?: string;
  sort: 'issued' | 'due';
}

export interface InboxCountRow {
  stage: InboxStage;
  band: DueBand;
  count: number;
}

/** `unit_inbox`: units' inboxes, a projection of `hotline.dispatch.v1` written only by its projector. */
@Injectable()
export class InboxRepository {
  constructor(private readonly db: TransactionService) {}

  async open(query: InboxQuery, now: Date, { limit, offset }: PageRequest): Promise<Page<UnitInboxItemEntity>> {
    const q = this.openItems(query);
    if (query.due && 'overdue' in query.due) q.andWhere('i.due_at < :now', { now });
    if (query.due && 'withinHours' in query.due) {
      q.andWhere('i.due_at >= :now AND i.due_at < :until', { now, until: hoursAfter(now, query.due.withinHours) });
    }
    if (query.stage) q.andWhere('i.stage = :stage', { stage: query.stage });
    if (query.sort === 'due') q.orderBy('i.due_at', 'ASC', 'NULLS LAST').addOrderBy('i.issued_at', 'ASC');
    else q.orderBy('i.issued_at', 'ASC');
    const [items, total] = await q.addOrderBy('i.order_id', 'ASC').take(limit).skip(offset).getManyAndCount();
    return { items, total };
  }

  /** The unit's open items (of the assignee when one is asked for) counted by stage and due band. */
  async counts(query: InboxQuery, now: Date, soonHours: number): Promise<InboxCountRow[]> {
    const rows = await this.openItems(query)
      .select('i.stage', 'stage')
      .addSelect(
        `CASE WHEN i.due_at IS NULL THEN 'none' WHEN i.due_at < :now THEN 'overdue'
              WHEN i.due_at < :soon THEN 'due_soon' ELSE 'later' END`,
        'band',
      )
      .addSelect('count(*)::int', 'count')
      .setParameters({ now, soon: hoursAfter(now, soonHours) })
      .groupBy('1, 2')
      .getRawMany<InboxCountRow>();
    return rows;
  }

  private openItems(query: InboxQuery) {
    const q = this.db.manager
      .createQueryBuilder(UnitInboxItemEntity, 'i')
      .where('i.unit_code = :unitCode AND i.status = :open', { unitCode: query.unitCode, open: 'open' });
    if (query.assignee === 'none') q.andWhere('i.assignee_user_id IS NULL');
    else if (query.assignee) q.andWhere('i.assignee_user_id = :assignee', { assignee: query.assignee });
    return q;
  }

  /** Idempotent: an item already there (a redelivered order) stays as it is. */
  async insertOnce(item: NewInboxItem): Promise<void> {
    await this.db.manager.createQueryBuilder().insert().into(UnitInboxItemEntity).values(item).orIgnore().execute();
  }

  /** The unit's open dispatch items of a case (one per order it holds: in practice one). */
  openOrdersOf(caseId: string, unitCode: string): Promise<UnitInboxItemEntity[]> {
    return this.db.manager.findBy(UnitInboxItemEntity, { caseId, unitCode, kind: 'dispatch', status: 'open' });
  }

  async updateWork(orderId: string, work: InboxWorkState): Promise<void> {
    const { categoryCode, urgency, address, stage, deadlines, dueAt, alert } = work;
    const { supervisionLevel, assigneeUserId, lastNotice, lastNoticeAt } = work;
    await this.db.manager.update(
      UnitInboxItemEntity,
      { orderId },
      {
        categoryCode,
        urgency,
        address,
        stage,
        deadlines,
        dueAt,
        alert,
        supervisionLevel,
        assigneeUserId,
        lastNotice,
        lastNoticeAt,
      },
    );
  }

  async setStatus(orderId: string, status: UnitInboxItemEntity['status']): Promise<void> {
    await this.db.manager.update(UnitInboxItemEntity, { orderId }, { status });
  }
}

function hoursAfter(now: Date, hours: number): Date {
  return addMs(now, hours * HOUR_MS);
}
