import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UnitEntity } from '@hotline/directory';
import type { AssignmentRole } from '../domain/case-vocabulary';
import { CaseEntity } from './case.entity';

/**
 * One dispatch order: a unit's assignment to a case, as lead (主办) or co-handler (协办). A unit
 * that is or was assigned may see the case; a cancelled order stays as history.
 */
@Entity({ name: 'case_assignments' })
@Check('ck_case_assignments_role', `role IN ('lead', 'co')`)
@Check('ck_case_assignments_status', `status IN ('active', 'cancelled', 'completed')`)
@Index('ix_case_assignments_unit_case', ['unitCode', 'caseId'])
@Index('ix_case_assignments_case', ['caseId'])
export class CaseAssignmentEntity {
  /** The dispatch order id (SPEC §6 `orderId`). */
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_assignments' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_assignments_case' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  unitCode!: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code', foreignKeyConstraintName: 'fk_case_assignments_unit' })
  unit?: UnitEntity;

  @Column({ type: 'text' })
  role!: AssignmentRole;

  /** active → completed when the case is resolved, or cancelled by an approved return. */
  @Column({ type: 'text', default: 'active' })
  status!: 'active' | 'cancelled' | 'completed';

  /** Which dispatch of the case this order belongs to (1 = the first). */
  @Column({ type: 'integer' })
  dispatchNo!: number;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
