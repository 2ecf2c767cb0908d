import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { HotlineEntity, sqlList, UnitEntity } from '@hotline/directory';
import { CALL_BACK_OUTCOMES, type CallBackOutcome } from '../domain/abandoned-calls';
import type { CallStatus } from '../domain/call-events';

/** A call that reached the centre, on 12345, a merged line, or overflowing from a utility line. */
@Entity({ name: 'calls' })
@Check('ck_calls_status', `status IN ('offered', 'answered', 'ended', 'abandoned', 'transferred')`)
@Index('ix_calls_started_at', ['startedAt'])
@Index('ix_calls_source_started_at', ['sourceHotlineCode', 'startedAt'])
@Index('ix_calls_call_back_queue', ['callBackDueAt'], {
  where: `call_back_due_at IS NOT NULL AND called_back_at IS NULL`,
})
@Index('ix_calls_call_back_caller', ['callerNumber'], {
  where: `call_back_due_at IS NOT NULL AND called_back_at IS NULL`,
})
@Check('ck_calls_call_back_outcome', `call_back_outcome IN (${sqlList(CALL_BACK_OUTCOMES)})`)
export class CallEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_calls' })
  id!: string;

  /** The telephony system's call id (the key on `hotline.calls.v1`), when it came from there. */
  @Index('ux_calls_cti_call_id', { unique: true })
  @Column({ type: 'text', nullable: true })
  ctiCallId!: string | null;

  @Column({ type: 'text' })
  dialedNumber!: string;

  @Column({ type: 'text' })
  callerNumber!: string;

  @Column({ type: 'text' })
  sourceHotlineCode!: string;

  @ManyToOne(() => HotlineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_hotline_code', foreignKeyConstraintName: 'fk_calls_source_hotline' })
  sourceHotline?: HotlineEntity;

  @Column({ type: 'text', nullable: true })
  overflowFrom!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'overflow_from', foreignKeyConstraintName: 'fk_calls_overflow_from' })
  overflowUnit?: UnitEntity;

  @Column({ type: 'text' })
  status!: CallStatus;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  offeredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  abandonedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  transferredAt!: Date | null;

  /** The case this call created or joined (a repeat call joins the open case). */
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  agentUserId!: string | null;

  /** An abandoned call is due a call back by then (漏接回拨); null for every other call. */
  @Column({ type: 'timestamptz', nullable: true })
  callBackDueAt!: Date | null;

  /** The agent calling the caller back, and since when (a claim lapses after 10 minutes). */
  @Column({ type: 'uuid', nullable: true })
  callBackClaimedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  callBackClaimedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  calledBackAt!: Date | null;

  /** The agent who recorded the call back; null when a later call got through. */
  @Column({ type: 'uuid', nullable: true })
  calledBackBy!: string | null;

  @Column({ type: 'text', nullable: true })
  callBackOutcome!: CallBackOutcome | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
