import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '@hotline/cases';
import type { AttachmentType } from '../domain/attachment-rules';

/** A file attached to a case: its stored bytes are found by `contentHash` in the attachment store. */
@Entity({ name: 'case_attachments' })
@Index('ux_case_attachments_case_content', ['caseId', 'contentHash'], { unique: true })
export class CaseAttachmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_attachments' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_attachments_case' })
  case?: CaseEntity;

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

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  /** The uploading unit, or null for the centre. */
  @Column({ type: 'text', nullable: true })
  uploadedByUnit!: string | null;

  @Column({ type: 'timestamptz' })
  uploadedAt!: Date;
}
