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
import { UnitEntity } from '@hotline/directory';
import { ROLES, Role } from './domain/principal';
import { USER_SOURCES, UserSource } from './domain/user-rules';

@Entity({ name: 'users' })
@Check('ck_users_role', `role IN (${ROLES.map((r) => `'${r}'`).join(', ')})`)
@Check('ck_users_handler_unit', `(role = 'handler') = (unit_code IS NOT NULL)`)
@Check('ck_users_source', `source IN (${USER_SOURCES.map((s) => `'${s}'`).join(', ')})`)
@Check('ck_users_local_password', `source = 'sso' OR password_hash IS NOT NULL`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id!: string;

  @Index('ux_users_username', { unique: true })
  @Column({ type: 'text' })
  username!: string;

  /** argon2id; the plain password is never stored or logged. None for a single sign-on account. */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  /** `local` (signs in here) or `sso` (an identity provider's subject; id derived from issuer and subject). */
  @Column({ type: 'text', default: 'local' })
  source!: UserSource;

  /** Written in every token; each change to the account bumps it, so older tokens stop working. */
  @Column({ type: 'integer', default: 1 })
  tokenVersion!: number;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'text', nullable: true })
  unitCode!: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code', foreignKeyConstraintName: 'fk_users_unit' })
  unit?: UnitEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
