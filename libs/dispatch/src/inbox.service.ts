import { Injectable } from '@nestjs/common';
import { Clock, instant } from '@hotline/clock';
import type { Actor, UnitNoticeData } from '@hotline/cases';
import { DomainError, Page, PageRequest } from '@hotline/core';
import {
  applyNotice,
  DEFAULT_DUE_SOON_HOURS,
  DUE_BANDS,
  type DueBand,
  dueOf,
  INBOX_STAGES,
  type InboxStage,
  initialStage,
} from './domain/inbox-work';
import type { UnitInboxItemEntity } from './entities/unit-inbox-item.entity';
import type {
  OrderCancelledData,
  OrderCompletedData,
  OrderIssuedData,
  TransferAcknowledgedData,
  TransferIssuedData,
} from './events/dispatch.events';
import { InboxQuery, InboxRepository } from './inbox.repository';

export interface InboxCounts {
  byStage: Record<InboxStage, number>;
  byDue: Record<DueBand, number>;
  /** The window of the `due_soon` band, in hours. */
  dueSoonHours: number;
}

export type InboxPage = Page<UnitInboxItemEntity> & { counts: InboxCounts };

/**
 * Units' inboxes, as a projection of `hotline.dispatch.v1`: the worker applies each order message and
 * unit notice (idempotently: the runner applies each event once), the api reads a unit's work list.
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly clock: Clock,
  ) {}

  /** The unit's open items, filtered and sorted (docs/api.md, "Units' inboxes"), with their counts. */
  async open(query: InboxQuery, viewer: Actor, page: PageRequest): Promise<InboxPage> {
    if (viewer.role === 'handler' && viewer.unitCode !== query.unitCode) {
      throw new DomainError('inbox.other_unit', 'A handler may read only their own unit’s inbox');
    }
    const now = this.clock.now();
    const soonHours = query.due && 'withinHours' in query.due ? query.due.withinHours : DEFAULT_DUE_SOON_HOURS;
    const [items, rows] = await Promise.all([
      this.inbox.open(query, now, page),
      this.inbox.counts(query, now, soonHours),
    ]);
    const counts: InboxCounts = {
      byStage: Object.fromEntries(INBOX_STAGES.map((s) => [s, 0])) as Record<InboxStage, number>,
      byDue: Object.fromEntries(DUE_BANDS.map((b) => [b, 0])) as Record<DueBand, number>,
      dueSoonHours: soonHours,
    };
    for (const row of rows) {
      counts.byStage[row.stage] += row.count;
      counts.byDue[row.band] += row.count;
    }
    return { ...items, counts };
  }

  /** A unit notice: the unit's open item of the case takes its deadlines, stage, alert, supervision and assignee. */
  async noticeReceived(notice: UnitNoticeData): Promise<void> {
    for (const item of await this.inbox.openOrdersOf(notice.caseId, notice.unitCode)) {
      await this.inbox.updateWork(item.orderId, applyNotice(item, { ...notice, deadlines: { ...notice.deadlines } }));
    }
  }

  orderIssued(data: OrderIssuedData): Promise<void> {
    const stage = initialStage(data.role, data.respondedAt);
    return this.inbox.insertOnce({
      orderId: data.orderId,
      unitCode: data.unitCode,
      kind: 'dispatch',
      caseId: data.caseId,
      caseNumber: data.caseNumber,
      role: data.role,
      categoryCode: data.categoryCode,
      urgency: data.urgency,
      summary: data.summary,
      address: data.address,
      issuedAt: instant(data.issuedAt),
      deadlines: { ...data.deadlines },
      stage,
      dueAt: dueOf(stage, { ...data.deadlines }, data.role),
    });
  }

  transferIssued(data: TransferIssuedData, issuedAt: Date): Promise<void> {
    return this.inbox.insertOnce({
      orderId: data.transferId,
      unitCode: data.utilityCode,
      kind: 'transfer',
      caseId: data.caseId,
      caseNumber: data.caseNumber,
      role: null,
      categoryCode: data.categoryCode,
      urgency: data.urgency,
      summary: data.summary,
      address: data.address,
      issuedAt,
      deadlines: { acknowledge: data.ackDueAt },
      stage: 'to_acknowledge',
      dueAt: instant(data.ackDueAt),
    });
  }

  /** A cancellation may overtake nothing (orders of one unit share a partition), but be safe. */
  orderCancelled(data: OrderCancelledData): Promise<void> {
    return this.inbox.setStatus(data.orderId, 'cancelled');
  }

  orderCompleted(data: OrderCompletedData): Promise<void> {
    return this.inbox.setStatus(data.orderId, 'completed');
  }

  transferAcknowledged(data: TransferAcknowledgedData): Promise<void> {
    return this.inbox.setStatus(data.transferId, 'acknowledged');
  }
}
