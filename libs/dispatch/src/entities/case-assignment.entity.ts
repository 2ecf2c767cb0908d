import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { type AssignmentRole, CaseEntity } from '@hotline/cases';
import { UnitEntity } from '@hotline/directory';

/**
 * One dispatch order: a unit's assignment to a case, as lead (主办), co-handler (协办) or the
 * community its street forwarded it to (转派, `sub`). A cancelled or completed order stays as history. (Which units may see the case is kept on the case.)
 */
@Entity({ name: 'case_assignments' })
@Check('ck_case_assignments_role', `role IN ('lead', 'co', 'sub')`)
@Check('ck_case_assignments_status', `status IN ('active', 'cancelled', 'completed')`)
@Index('ix_case_assignments_unit_case', ['unitCode', 'caseId'])
@Index('ix_case_assignments_case', ['caseId'])
export class CaseAssignmentEntity {
  /** The dispatch order id (`orderId` in the orders on `hotline.dispatch.v1`). */
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

  /** active → completed when the case is resolved, or cancelled by an approved return or a new forward. */
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

  /** A co-handler's deadline to report its part (its `report` clock); null for the lead and a community. */
  @Column({ type: 'timestamptz', nullable: true })
  reportDueAt!: Date | null;

  /** The person of the unit working the case (POST /cases/{id}/assign); null until someone is assigned. */
  @Column({ type: 'uuid', nullable: true })
  assigneeUserId!: string | null;
}
