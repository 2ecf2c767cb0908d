import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { NotificationOptOutEntity } from './entities/notification-opt-out.entity';

/** `notification_opt_outs`: numbers that asked for no case messages. */
@Injectable()
export class OptOutsRepository {
  constructor(private readonly db: TransactionService) {}

  async has(phone: string): Promise<boolean> {
    return this.db.manager.existsBy(NotificationOptOutEntity, { phone });
  }

  async add(phone: string, at: Date): Promise<void> {
    // A second opt-out keeps the first one's time.
    await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(NotificationOptOutEntity)
      .values({ phone, optedOutAt: at })
      .orIgnore()
      .execute();
  }

  async remove(phone: string): Promise<void> {
    await this.db.manager.delete(NotificationOptOutEntity, { phone });
  }
}
