import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { CitizenNotificationEntity } from './entities/citizen-notification.entity';

/** `citizen_notifications`: what was sent to whom, and the gateway's report. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: TransactionService) {}

  async insert(
    rows: readonly Omit<CitizenNotificationEntity, 'seq' | 'status' | 'reportedAt' | 'reportReason'>[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db.manager.insert(CitizenNotificationEntity, [...rows]);
  }

  /** The notification under its row lock: one report at a time. */
  lock(id: string): Promise<CitizenNotificationEntity | null> {
    return this.db.manager.findOne(CitizenNotificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async report(
    id: string,
    report: Pick<CitizenNotificationEntity, 'status' | 'reportedAt' | 'reportReason'>,
  ): Promise<void> {
    await this.db.manager.update(CitizenNotificationEntity, { id }, report);
  }

  ofCase(caseId: string): Promise<CitizenNotificationEntity[]> {
    return this.db.manager.find(CitizenNotificationEntity, {
      where: { caseId },
      order: { seq: 'ASC' },
    });
  }
}
