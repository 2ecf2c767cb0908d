import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { CaseAttachmentEntity } from './entities/case-attachment.entity';

/** `case_attachments`: which files a case has, one row per case and content. */
@Injectable()
export class CaseAttachmentsRepository {
  constructor(private readonly db: TransactionService) {}

  /** The attachment, or the one the case already has with the same content (a retried upload). */
  async insert(row: Omit<CaseAttachmentEntity, 'id' | 'case'>): Promise<CaseAttachmentEntity> {
    await this.db.manager.createQueryBuilder().insert().into(CaseAttachmentEntity).values(row).orIgnore().execute();
    return this.db.manager.findOneByOrFail(CaseAttachmentEntity, { caseId: row.caseId, contentHash: row.contentHash });
  }

  find(id: string): Promise<CaseAttachmentEntity | null> {
    return this.db.manager.findOneBy(CaseAttachmentEntity, { id });
  }

  ofCase(caseId: string): Promise<CaseAttachmentEntity[]> {
    return this.db.manager.find(CaseAttachmentEntity, { where: { caseId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }
}
