import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { sqlList, UnitEntity } from '@hotline/directory';
import { AUDIENCES, type Audience, KNOWLEDGE_KINDS, type KnowledgeKind } from '../domain/knowledge-vocabulary';
import { KnowledgeEntryEntity } from './knowledge-entry.entity';

/**
 * One version of an entry, numbered 1, 2, 3 … per entry: every edit is a new row, and no row ever
 * changes (a trigger refuses UPDATE and DELETE, and the app's role lacks the grants). Each carries
 * its own search columns, computed when it is written (docs/decisions.md, "Knowledge base (issue
 * 12)"), so publishing any version — or going back to an older one — moves a pointer only.
 */
@Entity({ name: 'knowledge_entry_versions' })
@Check('ck_knowledge_entry_versions_version', `version >= 1`)
@Check('ck_knowledge_entry_versions_kind', `kind IN (${sqlList(KNOWLEDGE_KINDS)})`)
@Check('ck_knowledge_entry_versions_audience', `audience IN (${sqlList(AUDIENCES)})`)
@Check('ck_knowledge_entry_versions_effective', `effective_to IS NULL OR effective_to >= effective_from`)
// GIN indexes (which TypeORM cannot declare): created by their migration, left alone by the drift check.
@Index('ix_knowledge_entry_versions_search_document', { synchronize: false })
export class KnowledgeEntryVersionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_knowledge_entry_versions' })
  entryId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_knowledge_entry_versions' })
  version!: number;

  @ManyToOne(() => KnowledgeEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_knowledge_entry_versions_entry' })
  entry?: KnowledgeEntryEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  questions!: string[];

  /** Markdown. */
  @Column({ type: 'text' })
  answer!: string;

  @Column({ type: 'text' })
  kind!: KnowledgeKind;

  @Column({ type: 'text' })
  audience!: Audience;

  /** Existing category codes, any level (checked when the version is written). */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  categoryCodes!: string[];

  @Column({ type: 'text' })
  ownerUnitCode!: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_unit_code', foreignKeyConstraintName: 'fk_knowledge_entry_versions_owner_unit' })
  ownerUnit?: UnitEntity;

  /** 文号. */
  @Column({ type: 'text', nullable: true })
  documentNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'date', nullable: true })
  effectiveTo!: string | null;

  @Column({ type: 'date', nullable: true })
  reviewBy!: string | null;

  /** Title and questions weight A and B, answer C, document number and source D (@hotline/text-search). */
  @Column({ type: 'tsvector', select: false })
  searchDocument!: string;

  /** The title for pg_trgm: one word per Chinese character (toSimilarityText). */
  @Column({ type: 'text', select: false })
  searchTitle!: string;

  /** The answer's plain text for ts_headline: words invisibly separated (toHighlightText). */
  @Column({ type: 'text', select: false })
  searchAnswer!: string;

  /** The user who wrote this version; null for the seed or an importer. */
  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
