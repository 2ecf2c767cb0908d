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
import { sqlList, UnitEntity } from '@hotline/directory';
import { KNOWLEDGE_STATUSES, type KnowledgeStatus } from '../domain/knowledge-vocabulary';

/**
 * A knowledge entry (docs/product.md, "Knowledge base"): its state and which of its versions is the
 * current one (the newest edit) and which the published one (what agents read and search finds).
 * The content lives in its versions (knowledge_entry_versions), which never change.
 */
@Entity({ name: 'knowledge_entries' })
@Check('ck_knowledge_entries_status', `status IN (${sqlList(KNOWLEDGE_STATUSES)})`)
@Check(
  'ck_knowledge_entries_published_version',
  `published_version IS NULL OR published_version BETWEEN 1 AND current_version`,
)
// Published means a published version; a draft never had one (retiring keeps the last one).
@Check(
  'ck_knowledge_entries_status_version',
  `CASE status WHEN 'published' THEN published_version IS NOT NULL WHEN 'draft' THEN published_version IS NULL ELSE true END`,
)
export class KnowledgeEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_knowledge_entries' })
  id!: string;

  /** A stable key of the seed or an importer (upsert by ref); null for entries written here. */
  @Index('ux_knowledge_entries_ref', { unique: true })
  @Column({ type: 'text', nullable: true })
  ref!: string | null;

  @Column({ type: 'text' })
  status!: KnowledgeStatus;

  @Column({ type: 'integer' })
  currentVersion!: number;

  @Column({ type: 'integer', nullable: true })
  publishedVersion!: number | null;

  /** The current version's owner: whose handlers may edit the entry. */
  @Index('ix_knowledge_entries_owner_unit_code')
  @Column({ type: 'text' })
  ownerUnitCode!: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_unit_code', foreignKeyConstraintName: 'fk_knowledge_entries_owner_unit' })
  ownerUnit?: UnitEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
