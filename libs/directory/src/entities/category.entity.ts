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

/** A demand category, three levels (大类 › 中类 › 小类); cases are registered on leaves. */
@Entity({ name: 'categories' })
@Check('ck_categories_level', `level BETWEEN 1 AND 3`)
@Check('ck_categories_parent', `(level = 1) = (parent_code IS NULL)`)
export class CategoryEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_categories' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'smallint' })
  level!: number;

  @Index('ix_categories_parent_code')
  @Column({ type: 'text', nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => CategoryEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_categories_parent' })
  parent?: CategoryEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
