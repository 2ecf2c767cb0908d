import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A citizen who proved a number: the session token is given once, only its hash is kept. */
@Entity({ name: 'citizen_sessions' })
@Index('ix_citizen_sessions_expires_at', ['expiresAt'])
export class CitizenSessionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_citizen_sessions' })
  id!: string;

  /** SHA-256 (hex) of the token. */
  @Index('ux_citizen_sessions_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
