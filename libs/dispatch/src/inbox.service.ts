import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, TransferAcknowledgedData, TransferIssuedData } from '@hotline/cases';
import { instant } from '@hotline/clock';
import { DomainError, Page } from '@hotline/core';
import { UnitInboxItemEntity } from './entities/unit-inbox-item.entity';
import type { OrderCancelledData, OrderCompletedData, OrderIssuedData } from './events/dispatch-events';

/**
 * Units' inboxes, as a projection of `hotline.dispatch.v1`: the worker applies each order message
 * (idempotently: a redelivered order changes nothing), the api reads a unit's open items.
 */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(
    unitCode: string,
    viewer: Actor,
    page: { limit: number; offset: number },
  ): Promise<Page<UnitInboxItemEntity>> {
    if (viewer.role === 'handler' && viewer.unitCode !== unitCode) {
      throw new DomainError('FORBIDDEN', 'A handler may read only their own unit’s inbox');
    }
    const [items, total] = await this.dataSource.getRepository(UnitInboxItemEntity).findAndCount({
      where: { unitCode, status: 'open' },
      order: { issuedAt: 'ASC', orderId: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  async orderIssued(tx: EntityManager, data: OrderIssuedData): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(UnitInboxItemEntity)
      .values({
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
      })
      .orIgnore()
      .execute();
  }

  async transferIssued(tx: EntityManager, data: TransferIssuedData, issuedAt: Date): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(UnitInboxItemEntity)
      .values({
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
      })
      .orIgnore()
      .execute();
  }

  /** A cancellation may overtake nothing (orders of one unit share a partition), but be safe. */
  async orderCancelled(tx: EntityManager, data: OrderCancelledData): Promise<void> {
    await tx.update(UnitInboxItemEntity, { orderId: data.orderId }, { status: 'cancelled' });
  }

  async orderCompleted(tx: EntityManager, data: OrderCompletedData): Promise<void> {
    await tx.update(UnitInboxItemEntity, { orderId: data.orderId }, { status: 'completed' });
  }

  async transferAcknowledged(tx: EntityManager, data: TransferAcknowledgedData): Promise<void> {
    await tx.update(UnitInboxItemEntity, { orderId: data.transferId }, { status: 'acknowledged' });
  }
}
