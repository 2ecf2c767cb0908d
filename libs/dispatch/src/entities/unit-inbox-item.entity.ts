import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A unit's inbox (GET /units/{code}/inbox), projected from `hotline.dispatch.v1` by the worker —
 * the same messages a department's own system reads. Written only by the projector.
 */
@Entity({ name: 'unit_inbox' })
@Check('ck_unit_inbox_kind', `kind IN ('dispatch', 'transfer')`)
@Check('ck_unit_inbox_status', `status IN ('open', 'cancelled', 'acknowledged', 'completed')`)
@Index('ix_unit_inbox_unit_open', ['unitCode', 'issuedAt'], { where: `status = 'open'` })
export class UnitInboxItemEntity {
  /** The dispatch order id or the transfer id. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_unit_inbox' })
  orderId!: string;

  @Column({ type: 'text' })
  unitCode!: string;

  @Column({ type: 'text' })
  kind!: 'dispatch' | 'transfer';

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  caseNumber!: string;

  /** lead / co for dispatch orders; null for transfers. */
  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column({ type: 'text' })
  categoryCode!: string;

  @Column({ type: 'text' })
  urgency!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  /** Order deadlines (sign, response, resolve) or the transfer's acknowledgement deadline. */
  @Column({ type: 'jsonb' })
  deadlines!: Record<string, string>;

  @Column({ type: 'text', default: 'open' })
  status!: 'open' | 'cancelled' | 'acknowledged' | 'completed';

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
