import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/**
 * The case's immutable history: who, when, what, before and after. The timeline is read from
 * these rows; each one was also published on `hotline.cases.v1` with the same id.
 */
@Entity({ name: 'case_events' })
@Index('ux_case_events_case_seq', ['caseId', 'seq'], { unique: true })
export class CaseEventEntity {
  /** The CloudEvent id. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_case_events' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_events_case' })
  case?: CaseEntity;

  /** Order within the case: 1, 2, 3 … */
  @Column({ type: 'integer' })
  seq!: number;

  /** Short type, e.g. `dispatched`; the CloudEvent type is `cn.gov.12345.case.<type>.v1`. */
  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text' })
  actorRole!: string;

  @Column({ type: 'text', nullable: true })
  actorUnitCode!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: object | null;

  @Column({ type: 'jsonb', default: {} })
  data!: object;
}
