import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An application allowed to file Open311 requests (FixMyStreet, a district's app…), issued by an
 * admin. Its API key is shown once when issued; only its SHA-256 is kept — a key is 32 random bytes,
 * so a fast hash is as good as a slow one and the check stays cheap on every request.
 */
@Entity({ name: 'open311_clients' })
export class Open311ClientEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_open311_clients' })
  id!: string;

  @Index('ux_open311_clients_name', { unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Index('ux_open311_clients_key_hash', { unique: true })
  @Column({ type: 'text' })
  keyHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'uuid', nullable: true })
  issuedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
