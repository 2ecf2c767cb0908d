import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '@hotline/cases';

/** 延期: the lead unit asks for more time to resolve; a supervisor decides; approval moves the deadline. */
@Entity({ name: 'case_extensions' })
@Check('ck_case_extensions_status', `status IN ('pending', 'approved', 'rejected')`)
@Check('ck_case_extensions_hours', `hours BETWEEN 1 AND 2160`)
@Index('ix_case_extensions_case', ['caseId'])
@Index('ux_case_extensions_pending', ['caseId'], { unique: true, where: `status = 'pending'` })
export class CaseExtensionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_extensions' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_extensions_case' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  unitCode!: string;

  @Column({ type: 'integer' })
  hours!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'approved' | 'rejected';

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;
}
