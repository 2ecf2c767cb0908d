import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit trail (docs/product.md, "Privacy and access"): changes to reference data, users and the SLA policy with before and
 * after, and every read of a caller's identity by a handling unit. Append-only: the database
 * refuses UPDATE and DELETE (a trigger, and the app's role lacks the grants).
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_entity', ['entity', 'entityId', 'at'])
@Index('ix_audit_log_at', ['at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_audit_log' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text' })
  actorRole!: string;

  @Column({ type: 'text', nullable: true })
  actorUnitCode!: string | null;

  /** e.g. `user.created`, `sla_policy.change_applied`, `case.caller_read`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  entity!: string;

  @Column({ type: 'text' })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: object | null;
}
