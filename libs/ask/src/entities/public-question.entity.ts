import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '@hotline/cases';

/** One entry the after-hours desk offered, and how sure it was. */
export interface OfferedAnswer {
  entryId: string;
  version: number;
  confidence: number;
}

/**
 * A question asked at the public after-hours desk (docs/product.md, "After-hours answers"), kept for
 * the centre to see what its knowledge base does not answer. Nothing about the asker but what they
 * typed: no address, no phone (a demand they leave is a case, linked here, with its own privacy rules).
 */
@Entity({ name: 'public_questions' })
@Index('ix_public_questions_asked_at', ['askedAt'])
@Check('ck_public_questions_audience', `audience IS NULL OR audience IN ('citizen', 'enterprise')`)
export class PublicQuestionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_public_questions' })
  id!: string;

  @Column({ type: 'timestamptz' })
  askedAt!: Date;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'text', nullable: true })
  audience!: 'citizen' | 'enterprise' | null;

  @Column({ type: 'jsonb' })
  answers!: OfferedAnswer[];

  /** Whether the desk was confident its first answer fits (domain/answer-confidence.ts). */
  @Column({ type: 'boolean' })
  confident!: boolean;

  /** The asker's verdict, when they gave one. */
  @Column({ type: 'boolean', nullable: true })
  helpful!: boolean | null;

  /** The web case left when the answers did not help; at most one per question. */
  @Column({ type: 'uuid', nullable: true })
  demandCaseId!: string | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'demand_case_id', foreignKeyConstraintName: 'fk_public_questions_demand_case' })
  demandCase?: CaseEntity;
}
