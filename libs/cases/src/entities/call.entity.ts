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
import { HotlineEntity, UnitEntity } from '@hotline/directory';
import type { CallStatus } from '../domain/call-events';

/** A call that reached the centre, on 12345, a merged line, or overflowing from a utility line. */
@Entity({ name: 'calls' })
@Check('ck_calls_status', `status IN ('offered', 'answered', 'ended', 'abandoned', 'transferred')`)
@Index('ix_calls_started_at', ['startedAt'])
@Index('ix_calls_source_started_at', ['sourceHotlineCode', 'startedAt'])
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
