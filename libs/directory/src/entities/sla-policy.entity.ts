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
import { Duration, sqlList, URGENCIES, Urgency } from '../domain/reference-types';
import { CategoryEntity } from './category.entity';

/**
 * Time limits for one urgency (docs/product.md, "Reference data"), optionally narrowed to a category (and everything below
 * it). Each urgency has exactly one default row (no category).
 */
@Entity({ name: 'sla_policies' })
@Check('ck_sla_policies_urgency', `urgency IN (${sqlList(URGENCIES)})`)
@Index('ux_sla_policies_default', ['urgency'], { unique: true, where: 'category_code IS NULL' })
@Index('ux_sla_policies_category', ['urgency', 'categoryCode'], { unique: true, where: 'category_code IS NOT NULL' })
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sla_policies' })
  id!: string;

  @Column({ type: 'text' })
  urgency!: Urgency;

  @Column({ type: 'text', nullable: true })
  categoryCode!: string | null;

  @ManyToOne(() => CategoryEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_sla_policies_category' })
  category?: CategoryEntity;

  /** From registration. */
  @Column({ type: 'jsonb' })
  dispatchWithin!: Duration;

  /** From the dispatch the unit keeps. */
  @Column({ type: 'jsonb' })
  signWithin!: Duration;

  @Column({ type: 'jsonb' })
  responseWithin!: Duration;

  @Column({ type: 'jsonb' })
  resolveWithin!: Duration;

  /** From resolution, or from the resolve deadline passing unresolved. */
  @Column({ type: 'jsonb' })
  callbackWithin!: Duration;

  /** A utility's acknowledgement of a one-click transfer. */
  @Column({ type: 'jsonb' })
  transferAckWithin!: Duration;

  /** The centre reviews (审核) the lead's result before it counts as resolved and the callback starts. */
  @Column({ type: 'boolean', default: false })
  reviewResult!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
