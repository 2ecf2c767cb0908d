import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '@hotline/cases';
import { sqlList } from '@hotline/directory';
import { SUPERVISION_LEVELS, SupervisionLevel } from '../domain/supervision-levels';

/** 督办: a formal order from the centre to a unit about a case at risk, tracked until closed. */
@Entity({ name: 'supervisions' })
@Check('ck_supervisions_level', `level IN (${sqlList(SUPERVISION_LEVELS)})`)
@Check('ck_supervisions_status', `status IN ('open', 'replied', 'closed')`)
@Index('ix_supervisions_case', ['caseId'])
@Index('ix_supervisions_unit_status', ['unitCode', 'status'])
@Index('ix_supervisions_overdue', ['dueAt'], { where: `status = 'open'` })
@Index('ux_supervisions_trigger_event', ['triggerEventId'], { unique: true, where: 'trigger_event_id IS NOT NULL' })
export class SupervisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_supervisions' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_supervisions_case' })
  case?: CaseEntity;

  /** The unit the order is addressed to (the lead at the time), if the case has one. */
  @Column({ type: 'text', nullable: true })
  unitCode!: string | null;

  @Column({ type: 'text' })
  level!: SupervisionLevel;

  /** deadline_missed, callback_unsatisfied, repeat_call or manual. */
  @Column({ type: 'text' })
  trigger!: string;

  /** The case event that triggered an automatic order: one order per trigger, however often it is redelivered. */
  @Column({ type: 'uuid', nullable: true })
  triggerEventId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  triggeredAt!: Date | null;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text', default: 'open' })
  status!: 'open' | 'replied' | 'closed';

  @Column({ type: 'uuid', nullable: true })
  issuedBy!: string | null;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  repliedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  escalations!: number;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
