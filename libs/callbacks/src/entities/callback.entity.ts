import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity, type Satisfaction } from '@hotline/cases';
import type { CallbackChannel } from '../domain/callback-outcome';

/** One callback attempt (回访): whether the citizen was reached, solved, satisfied. */
@Entity({ name: 'callbacks' })
@Check(
  'ck_callbacks_satisfaction',
  `satisfaction IS NULL OR satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied')`,
)
@Check('ck_callbacks_channel', `channel IN ('phone', 'web')`)
@Index('ix_callbacks_case', ['caseId'])
export class CallbackEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_callbacks' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_callbacks_case' })
  case?: CaseEntity;

  @Column({ type: 'boolean' })
  reached!: boolean;

  @Column({ type: 'boolean', nullable: true })
  solved!: boolean | null;

  @Column({ type: 'text', nullable: true })
  satisfaction!: Satisfaction | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** An agent's call (`phone`), or the citizen's own rating online (`web`, calledBy null). */
  @Column({ type: 'text', default: 'phone' })
  channel!: CallbackChannel;

  @Column({ type: 'uuid', nullable: true })
  calledBy!: string | null;

  @Column({ type: 'timestamptz' })
  calledAt!: Date;
}
