import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { CallbackEntity } from './entities/callback.entity';

/** `callbacks`: every callback attempt. */
@Injectable()
export class CallbacksRepository {
  constructor(private readonly db: TransactionService) {}

  async insert(row: Omit<CallbackEntity, 'id' | 'case'>): Promise<void> {
    await this.db.manager.insert(CallbackEntity, row);
  }
}
