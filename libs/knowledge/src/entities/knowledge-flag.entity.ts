import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { sqlList, UnitEntity } from '@hotline/directory';
import { FLAG_REASONS, FLAG_STATUSES, type FlagReason, type FlagStatus } from '../domain/knowledge-flags';
import { KnowledgeEntryEntity } from './knowledge-entry.entity';

/**
 * An agent's or a supervisor's word that an entry is wrong, outdated or unclear, for the unit that
 * owns it: open until that unit's handlers or a supervisor resolve it (docs/api.md, "Knowledge base").
 */
@Entity({ name: 'knowledge_flags' })
@Check('ck_knowledge_flags_reason', `reason IN (${sqlList(FLAG_REASONS)})`)
@Check('ck_knowledge_flags_status', `status IN (${sqlList(FLAG_STATUSES)})`)
@Index('ix_knowledge_flags_owner_status', ['ownerUnitCode', 'status', 'flaggedAt'])
export class KnowledgeFlagEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_knowledge_flags' })
  id!: string;

  @Index('ix_knowledge_flags_entry_id')
  @Column({ type: 'uuid' })
  entryId!: string;

  @ManyToOne(() => KnowledgeEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_knowledge_flags_entry' })
  entry?: KnowledgeEntryEntity;

  /** The version the flagger read (the published one, or the newest they may read). */
  @Column({ type: 'integer' })
  version!: number;

  /** The entry's owner when it was flagged: whose handlers are told and may resolve it. */
  @Column({ type: 'text' })
  ownerUnitCode!: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_unit_code', foreignKeyConstraintName: 'fk_knowledge_flags_owner_unit' })
  ownerUnit?: UnitEntity;

  @Column({ type: 'text' })
  reason!: FlagReason;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text' })
  status!: FlagStatus;

  @Column({ type: 'uuid' })
  flaggedBy!: string;

  @Column({ type: 'timestamptz' })
  flaggedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;
}
