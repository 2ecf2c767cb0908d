import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity, type CaseStatus, RETURN_REASONS, type ReturnReason } from '@hotline/cases';
import { sqlList, UnitEntity } from '@hotline/directory';

/** 退单: a lead unit says the order is not theirs; a supervisor approves (re-dispatch) or rejects. */
@Entity({ name: 'case_returns' })
@Check('ck_case_returns_status', `status IN ('pending', 'approved', 'rejected')`)
@Check('ck_case_returns_reason_code', `reason_code IN (${sqlList(RETURN_REASONS)})`)
@Index('ix_case_returns_case', ['caseId'])
@Index('ix_case_returns_pending', ['requestedAt'], { where: `status = 'pending'` })
export class CaseReturnEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_returns' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_returns_case' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  unitCode!: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code', foreignKeyConstraintName: 'fk_case_returns_unit' })
  unit?: UnitEntity;

  /** Which dispatch of the case is being returned (1 = the first, which the accuracy rate counts). */
  @Column({ type: 'integer' })
  dispatchNo!: number;

  @Column({ type: 'text' })
  reasonCode!: ReturnReason;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'approved' | 'rejected';

  /** Where a rejected return puts the case back. */
  @Column({ type: 'text' })
  askedFrom!: CaseStatus;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewNote!: string | null;
}
