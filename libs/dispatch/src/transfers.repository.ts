import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { TransferEntity } from './entities/transfer.entity';

export type NewTransfer = Pick<
  TransferEntity,
  'callId' | 'caseId' | 'utilityCode' | 'summary' | 'ackDueAt' | 'createdBy'
>;

/** `transfers`: one-click transfers of callers to utility lines, and their acknowledgement. */
@Injectable()
export class TransfersRepository {
  constructor(private readonly db: TransactionService) {}

  insert(row: NewTransfer): Promise<TransferEntity> {
    return this.db.manager.save(TransferEntity, row);
  }

  find(id: string): Promise<TransferEntity | null> {
    return this.db.manager.findOneBy(TransferEntity, { id });
  }

  /** The transfer, held under its row lock until the transaction ends. */
  lock(id: string): Promise<TransferEntity | null> {
    return this.db.manager
      .createQueryBuilder(TransferEntity, 't')
      .where('t.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async acknowledge(id: string, at: Date): Promise<void> {
    await this.db.manager.update(TransferEntity, { id }, { status: 'acknowledged', acknowledgedAt: at });
  }
}
