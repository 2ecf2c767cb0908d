import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KnowledgeEntryVersionEntity } from './knowledge-entry-version.entity';

/**
 * A version's title as pg_trgm reads it (one word per character, toSimilarityText), alone in a narrow
 * row: the title search's trigram index hands thousands of candidate rows to PostgreSQL's recheck, and
 * reading them from the versions' wide rows (vectors, answers) cost 0.2 to 4 s over 200,000 entries
 * (docs/decisions.md, "Bounded knowledge search"). Written with its version, never changed.
 */
@Entity({ name: 'knowledge_title_characters' })
@Index('ix_knowledge_title_characters_characters', { synchronize: false })
export class KnowledgeTitleCharactersEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_knowledge_title_characters' })
  entryId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_knowledge_title_characters' })
  version!: number;

  @ManyToOne(() => KnowledgeEntryVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'entry_id',
      referencedColumnName: 'entryId',
      foreignKeyConstraintName: 'fk_knowledge_title_characters_version',
    },
    {
      name: 'version',
      referencedColumnName: 'version',
      foreignKeyConstraintName: 'fk_knowledge_title_characters_version',
    },
  ])
  of?: KnowledgeEntryVersionEntity;

  @Column({ type: 'text' })
  characters!: string;
}
