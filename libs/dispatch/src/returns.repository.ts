import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { CaseReturnEntity } from './entities/case-return.entity';

export type NewReturn = Pick<
  CaseReturnEntity,
  'caseId' | 'unitCode' | 'dispatchNo' | 'reasonCode' | 'reason' | 'askedFrom' | 'requestedBy' | 'requestedAt'
>;

/** `case_returns`: return requests (退单) and their review. */
@Injectable()
export class ReturnsRepository {
  constructor(private readonly db: TransactionService) {}

  insert(row: NewReturn): Promise<CaseReturnEntity> {
    return this.db.manager.save(this.db.manager.create(CaseReturnEntity, row));
  }

  find(id: string, caseId: string): Promise<CaseReturnEntity | null> {
    return this.db.manager.findOneBy(CaseReturnEntity, { id, caseId });
  }

  async review(
    id: string,
    review: Pick<CaseReturnEntity, 'status' | 'reviewedBy' | 'reviewedAt' | 'reviewNote'>,
  ): Promise<void> {
    await this.db.manager.update(CaseReturnEntity, { id }, review);
  }
}
