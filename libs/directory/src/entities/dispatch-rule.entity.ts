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
import { DISPATCH_TARGETS, DispatchTarget, sqlList } from '../domain/reference-types';
import { CategoryEntity } from './category.entity';
import { UnitEntity } from './unit.entity';

/**
 * One line of the dispatch catalogue (派单目录): category (and optionally place) → lead unit and
 * co-handlers. Rules are tried in priority order; the first that matches wins.
 */
@Entity({ name: 'dispatch_rules' })
@Check('ck_dispatch_rules_target', `target IN (${sqlList(DISPATCH_TARGETS)})`)
@Check('ck_dispatch_rules_lead', `(target = 'unit') = (lead_unit_code IS NOT NULL)`)
@Index('ix_dispatch_rules_priority', ['priority'])
export class DispatchRuleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_dispatch_rules' })
  id!: string;

  @Column({ type: 'integer' })
  priority!: number;

  @Index('ux_dispatch_rules_name', { unique: true })
  @Column({ type: 'text' })
  name!: string;

  /** Covers this category and everything below it. */
  @Column({ type: 'text' })
  categoryCode!: string;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_dispatch_rules_category' })
  category?: CategoryEntity;

  @Column({ type: 'text', nullable: true })
  districtCode!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_code', foreignKeyConstraintName: 'fk_dispatch_rules_district' })
  district?: UnitEntity;

  @Column({ type: 'text', nullable: true })
  streetCode!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_code', foreignKeyConstraintName: 'fk_dispatch_rules_street' })
  street?: UnitEntity;

  @Column({ type: 'text' })
  target!: DispatchTarget;

  @Column({ type: 'text', nullable: true })
  leadUnitCode!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_unit_code', foreignKeyConstraintName: 'fk_dispatch_rules_lead_unit' })
  leadUnit?: UnitEntity;

  @Column({ type: 'text', array: true, default: [] })
  coUnitCodes!: string[];

  /** Dispatch on registration without waiting for an agent. */
  @Column({ type: 'boolean', default: false })
  auto!: boolean;

  /** A case reopened after its callback goes back to the unit that handled it, without an agent. */
  @Column({ type: 'boolean', default: false })
  redispatchOnReopen!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
