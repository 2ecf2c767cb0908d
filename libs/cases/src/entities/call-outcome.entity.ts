import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { sqlList } from '@hotline/directory';
import { CALL_OUTCOME_KINDS, CALL_OUTCOME_TARGETS, type CallOutcomeKind } from '../domain/call-outcome';
import { CallEntity } from './call.entity';

/**
 * A call handed to an emergency line or told its route elsewhere (domain/call-outcome.ts): the
 * record that it happened, when and by whom. A call may have several (a fire with an injured person
 * goes to 119 and 120); the same one twice is one row.
 */
@Entity({ name: 'call_outcomes' })
@Check('ck_call_outcomes_kind', `kind IN (${sqlList(CALL_OUTCOME_KINDS)})`)
@Check('ck_call_outcomes_target', `target IN (${sqlList(CALL_OUTCOME_TARGETS)})`)
@Index('ux_call_outcomes_call_kind_target', ['callId', 'kind', 'target'], { unique: true })
@Index('ix_call_outcomes_recorded_at', ['recordedAt'])
export class CallOutcomeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_call_outcomes' })
  id!: string;

  @Column({ type: 'uuid' })
  callId!: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'fk_call_outcomes_call' })
  call?: CallEntity;

  @Column({ type: 'text' })
  kind!: CallOutcomeKind;

  /** An emergency line (110, 119, 120, 122) or a route (court, arbitration, petition, discipline). */
  @Column({ type: 'text' })
  target!: string;

  /** What the agent passed on or told the caller. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
