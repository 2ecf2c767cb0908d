import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { sqlList, UNIT_KINDS, UnitKind } from '../domain/reference-types';

/** A handling unit (承办单位): district government, street/township, community/village, department or utility. */
@Entity({ name: 'units' })
@Check('ck_units_kind', `kind IN (${sqlList(UNIT_KINDS)})`)
@Check('ck_units_street_has_parent', `kind NOT IN ('street', 'community') OR parent_code IS NOT NULL`)
export class UnitEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_units' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: UnitKind;

  @Index('ix_units_parent_code')
  @Column({ type: 'text', nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_units_parent' })
  parent?: UnitEntity;

  /** Inactive units are skipped by dispatch; units are never deleted (cases refer to them). */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
