import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from '@hotline/cases';

/**
 * The agent calling a case's citizen back (回访), and since when: one claim per case, lapsing after 10
 * minutes (docs/product.md, "Handling"). Removed when the callback is recorded.
 */
@Entity({ name: 'callback_claims' })
export class CallbackClaimEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_callback_claims' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_callback_claims_case' })
  case?: CaseEntity;

  @Column({ type: 'uuid' })
  claimedBy!: string;

  @Column({ type: 'timestamptz' })
  claimedAt!: Date;
}
