import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '@hotline/cases';
import { OnlineSubmissionEntity } from '@hotline/online-intake';
import type { AttachmentType } from '../domain/attachment-rules';

/**
 * A file attached to a case, or to a citizen's online submission before it is a case (its case then
 * shows it too): its stored bytes are found by `contentHash` in the attachment store.
 */
@Entity({ name: 'case_attachments' })
@Index('ux_case_attachments_case_content', ['caseId', 'contentHash'], { unique: true, where: 'case_id IS NOT NULL' })
@Index('ux_case_attachments_submission_content', ['submissionId', 'contentHash'], {
  unique: true,
  where: 'submission_id IS NOT NULL',
})
@Check('ck_case_attachments_owner', '(case_id IS NULL) <> (submission_id IS NULL)')
export class CaseAttachmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_attachments' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_attachments_case' })
  case?: CaseEntity;

  /** The online submission a citizen sent it with; null for a file attached to a case. */
  @Column({ type: 'uuid', nullable: true })
  submissionId!: string | null;

  @ManyToOne(() => OnlineSubmissionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'fk_case_attachments_submission' })
  submission?: OnlineSubmissionEntity;

  /** SHA-256 (hex) of the bytes as stored (after an image's re-encoding). */
  @Column({ type: 'text' })
  contentHash!: string;

  @Column({ type: 'text' })
  mimeType!: AttachmentType;

  @Column({ type: 'integer' })
  size!: number;

  /** The name it was sent with, for the reader; never used to decide its type. */
  @Column({ type: 'text' })
  fileName!: string;

  /** The staff user who uploaded it; null for a citizen's file. */
  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  /** The uploading unit, or null for the centre (and citizens). */
  @Column({ type: 'text', nullable: true })
  uploadedByUnit!: string | null;

  @Column({ type: 'timestamptz' })
  uploadedAt!: Date;
}
