import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { CaseAttachmentEntity } from './entities/case-attachment.entity';

/** `case_attachments`: which files a case (or an online submission) has, one row per owner and content. */
@Injectable()
export class CaseAttachmentsRepository {
  constructor(private readonly db: TransactionService) {}

  /** The attachment, or the one the case already has with the same content (a retried upload). */
  async insert(row: Omit<CaseAttachmentEntity, 'id' | 'case' | 'submission'>): Promise<CaseAttachmentEntity> {
    await this.db.manager.createQueryBuilder().insert().into(CaseAttachmentEntity).values(row).orIgnore().execute();
    const owner = row.caseId !== null ? { caseId: row.caseId } : { submissionId: row.submissionId! };
    return this.db.manager.findOneByOrFail(CaseAttachmentEntity, { ...owner, contentHash: row.contentHash });
  }

  find(id: string): Promise<CaseAttachmentEntity | null> {
    return this.db.manager.findOneBy(CaseAttachmentEntity, { id });
  }

  /** The case's files and those of the submission it was accepted from, oldest first. */
  ofCase(caseId: string, submissionId: string | null): Promise<CaseAttachmentEntity[]> {
    return this.db.manager.find(CaseAttachmentEntity, {
      where: submissionId ? [{ caseId }, { submissionId }] : { caseId },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
  }

  ofSubmission(submissionId: string): Promise<CaseAttachmentEntity[]> {
    return this.db.manager.find(CaseAttachmentEntity, {
      where: { submissionId },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
  }

  countOfSubmission(submissionId: string): Promise<number> {
    return this.db.manager.countBy(CaseAttachmentEntity, { submissionId });
  }
}
