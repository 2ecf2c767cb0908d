import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from '@hotline/cases';
import { KnowledgeEntryVersionEntity } from './knowledge-entry-version.entity';

/**
 * An entry an answer on the call rested on, at the version the agent read (docs/product.md,
 * "Knowledge base"): written with the answer, in its transaction, and never changed — a later edit
 * or publish of the entry leaves the citation naming the old version.
 */
@Entity({ name: 'knowledge_citations' })
@Index('ix_knowledge_citations_cited_at', ['citedAt'])
@Index('ix_knowledge_citations_entry', ['entryId', 'citedAt'])
export class KnowledgeCitationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_knowledge_citations' })
  caseId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_knowledge_citations' })
  entryId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_knowledge_citations_case' })
  case?: CaseEntity;

  @ManyToOne(() => KnowledgeEntryVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'entry_id', referencedColumnName: 'entryId', foreignKeyConstraintName: 'fk_knowledge_citations_version' },
    { name: 'version', referencedColumnName: 'version', foreignKeyConstraintName: 'fk_knowledge_citations_version' },
  ])
  cited?: KnowledgeEntryVersionEntity;

  /** Business time (the one clock), the answer's. */
  @Column({ type: 'timestamptz' })
  citedAt!: Date;

  /** The agent or supervisor who answered. */
  @Column({ type: 'uuid', nullable: true })
  citedBy!: string | null;
}
