import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The first answer given under an Idempotency-Key, per user (docs/api.md, "Safe retries"). The row
 * is inserted when the request starts, in the transaction that does the request's work, and holds
 * the answer when that transaction commits: a retry meanwhile waits on the row's unique key and
 * then replays. Kept IDEMPOTENCY_RETENTION_HOURS, then purged by the worker.
 */
@Entity({ name: 'idempotency_keys' })
@Index('ix_idempotency_keys_expires_at', ['expiresAt'])
@Check('ck_idempotency_keys_key_length', `char_length(idempotency_key) BETWEEN 1 AND 255`)
@Check('ck_idempotency_keys_status', `response_status IS NULL OR response_status BETWEEN 100 AND 499`)
export class IdempotencyKeyEntity {
  /** The user who sent it: keys are scoped per user. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_idempotency_keys' })
  principalId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_keys' })
  idempotencyKey!: string;

  /** SHA-256 of method, path and canonical body (domain/request-fingerprint.ts). */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  path!: string;

  /** Null only inside the transaction of the first request; never 5xx (those are not kept). */
  @Column({ type: 'smallint', nullable: true })
  responseStatus!: number | null;

  /** `json`, not `jsonb`: the text is kept as sent, so a replay has the same body, key order included. */
  @Column({ type: 'json', nullable: true })
  responseBody!: unknown;

  /** Business time (Clock) of the first request. */
  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
