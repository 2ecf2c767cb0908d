import { Injectable } from '@nestjs/common';
import { instant } from '@hotline/clock';
import type { Actor } from '@hotline/cases';
import { DomainError, Page, PageRequest } from '@hotline/core';
import type { UnitInboxItemEntity } from './entities/unit-inbox-item.entity';
import type {
  OrderCancelledData,
  OrderCompletedData,
  OrderIssuedData,
  TransferAcknowledgedData,
  TransferIssuedData,
} from './events/dispatch.events';
import { InboxRepository } from './inbox.repository';

/**
 * Units' inboxes, as a projection of `hotline.dispatch.v1`: the worker applies each order message
 * (idempotently: a redelivered order changes nothing), the api reads a unit's open items.
 */
@Injectable()
export class InboxService {
  constructor(private readonly inbox: InboxRepository) {}

  open(unitCode: string, viewer: Actor, page: PageRequest): Promise<Page<UnitInboxItemEntity>> {
    if (viewer.role === 'handler' && viewer.unitCode !== unitCode) {
      return Promise.reject(new DomainError('inbox.other_unit', 'A handler may read only their own unit’s inbox'));
    }
    return this.inbox.open(unitCode, page);
  }

  orderIssued(data: OrderIssuedData): Promise<void> {
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
