import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { UnitInboxItemEntity } from './entities/unit-inbox-item.entity';

export type NewInboxItem = Omit<UnitInboxItemEntity, 'status' | 'updatedAt'>;

/** `unit_inbox`: units' inboxes, a projection of `hotline.dispatch.v1` written only by its projector. */
@Injectable()
export class InboxRepository {
  constructor(private readonly db: TransactionService) {}

  async open(unitCode: string, { limit, offset }: PageRequest): Promise<Page<UnitInboxItemEntity>> {
    const [items, total] = await this.db.manager.findAndCount(UnitInboxItemEntity, {
      where: { unitCode, status: 'open' },
      order: { issuedAt: 'ASC', orderId: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  /** Idempotent: an item already there (a redelivered order) stays as it is. */
  async insertOnce(item: NewInboxItem): Promise<void> {
    await this.db.manager.createQueryBuilder().insert().into(UnitInboxItemEntity).values(item).orIgnore().execute();
  }

  async setStatus(orderId: string, status: UnitInboxItemEntity['status']): Promise<void> {
    await this.db.manager.update(UnitInboxItemEntity, { orderId }, { status });
  }
}
