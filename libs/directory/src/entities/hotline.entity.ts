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
import { HOTLINE_KINDS, HotlineKind, MERGE_MODES, MergeMode, sqlList } from '../domain/reference-types';
import { UnitEntity } from './unit.entity';

/** A number citizens dial: 12345, a merged government line, or a utility enterprise's line. */
@Entity({ name: 'hotlines' })
@Check('ck_hotlines_kind', `kind IN (${sqlList(HOTLINE_KINDS)})`)
@Check('ck_hotlines_merge_mode', `merge_mode IS NULL OR merge_mode IN (${sqlList(MERGE_MODES)})`)
@Check('ck_hotlines_utility_unit', `(kind = 'utility') = (unit_code IS NOT NULL)`)
export class HotlineEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_hotlines' })
  code!: string;

  /** Null until an admin sets it (a line can exist before its number is known). */
  @Index('ux_hotlines_number', { unique: true })
  @Column({ type: 'text', nullable: true })
  number!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: HotlineKind;

  @Column({ type: 'text', nullable: true })
  mergeMode!: MergeMode | null;

  @Column({ type: 'date', nullable: true })
  mergedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  unitCode!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code', foreignKeyConstraintName: 'fk_hotlines_unit' })
  unit?: UnitEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
