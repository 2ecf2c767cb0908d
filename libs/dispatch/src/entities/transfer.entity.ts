import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '@hotline/cases';
import { UnitEntity } from '@hotline/directory';

/** A one-click transfer (一键转接) of a caller to a utility line; the utility must acknowledge it. */
@Entity({ name: 'transfers' })
@Check('ck_transfers_status', `status IN ('pending', 'acknowledged')`)
@Index('ix_transfers_ack_due', ['ackDueAt'], { where: `status = 'pending'` })
export class TransferEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_transfers' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  callId!: string | null;

  @Index('ix_transfers_case')
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_transfers_case' })
  case?: CaseEntity;

  @Column({ type: 'text' })
  utilityCode!: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'utility_code', foreignKeyConstraintName: 'fk_transfers_utility' })
  utility?: UnitEntity;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'acknowledged';

  @Column({ type: 'timestamptz' })
  ackDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
