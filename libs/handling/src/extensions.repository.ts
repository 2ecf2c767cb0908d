import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { CaseExtensionEntity } from './entities/case-extension.entity';

export type NewExtension = Pick<
  CaseExtensionEntity,
  'caseId' | 'unitCode' | 'hours' | 'reason' | 'requestedBy' | 'requestedAt'
>;

/** `case_extensions`: requests for more time (延期) and their review. */
@Injectable()
export class ExtensionsRepository {
  constructor(private readonly db: TransactionService) {}

  insert(row: NewExtension): Promise<CaseExtensionEntity> {
    return this.db.manager.save(this.db.manager.create(CaseExtensionEntity, row));
  }

  find(id: string, caseId: string): Promise<CaseExtensionEntity | null> {
    return this.db.manager.findOneBy(CaseExtensionEntity, { id, caseId });
  }

  hasPending(caseId: string): Promise<boolean> {
    return this.db.manager.existsBy(CaseExtensionEntity, { caseId, status: 'pending' });
  }

  async review(id: string, review: Pick<CaseExtensionEntity, 'status' | 'reviewedBy' | 'reviewedAt'>): Promise<void> {
    await this.db.manager.update(CaseExtensionEntity, { id }, review);
  }
}
