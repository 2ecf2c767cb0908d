import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time code sent to a number: only its hash is kept (domain/verification-rules.ts). */
@Entity({ name: 'phone_verifications' })
@Check('ck_phone_verifications_tries', 'tries >= 0')
export class PhoneVerificationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_phone_verifications' })
  id!: string;

  @Column({ type: 'text' })
  phone!: string;

  /** SHA-256 of the verification id and the code: the code itself is only in the message. */
  @Column({ type: 'text' })
  codeHash!: string;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'integer', default: 0 })
  tries!: number;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;
}
