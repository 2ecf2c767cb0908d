import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { PhoneVerificationEntity } from './entities/phone-verification.entity';

/** `phone_verifications`: codes sent, their tries and their use. */
@Injectable()
export class VerificationsRepository {
  constructor(private readonly db: TransactionService) {}

  async insert(row: Omit<PhoneVerificationEntity, 'tries' | 'confirmedAt'>): Promise<void> {
    await this.db.manager.insert(PhoneVerificationEntity, row);
  }

  /** The verification under its row lock: concurrent tries are counted one after the other. */
  lock(id: string): Promise<PhoneVerificationEntity | null> {
    return this.db.manager.findOne(PhoneVerificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(id: string, change: Partial<Pick<PhoneVerificationEntity, 'tries' | 'confirmedAt'>>): Promise<void> {
    await this.db.manager.update(PhoneVerificationEntity, { id }, change);
  }
}
