import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { sqlList } from '@hotline/directory';
import { INBOX_STAGES, type InboxStage } from '../domain/inbox-work';

/**
 * A unit's inbox (GET /units/{code}/inbox), projected from `hotline.dispatch.v1` by the worker —
 * the same messages, orders and unit notices, a department's own system reads. Written only by the projector.
 */
@Entity({ name: 'unit_inbox' })
@Check('ck_unit_inbox_kind', `kind IN ('dispatch', 'transfer')`)
@Check('ck_unit_inbox_status', `status IN ('open', 'cancelled', 'acknowledged', 'completed')`)
@Check('ck_unit_inbox_stage', `stage IN (${sqlList(INBOX_STAGES)})`)
@Check('ck_unit_inbox_alert', `alert IN ('warning', 'breach')`)
@Index('ix_unit_inbox_unit_open', ['unitCode', 'issuedAt'], { where: `status = 'open'` })
@Index('ix_unit_inbox_unit_due', ['unitCode', 'dueAt'], { where: `status = 'open'` })
@Index('ix_unit_inbox_case_unit', ['caseId', 'unitCode'])
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

  /** Order deadlines (sign, response, resolve; kept current by unit notices) or the transfer's acknowledgement deadline. */
  @Column({ type: 'jsonb' })
  deadlines!: Record<string, string | null>;

  /** Where the item stands for the unit (domain/inbox-work.ts). */
  @Column({ type: 'text' })
  stage!: InboxStage;

  /** The deadline the unit works to next at this stage; null when none runs. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** The latest clock alert since the last deadline change: a warning (75%) or a breach. */
  @Column({ type: 'text', nullable: true })
  alert!: 'warning' | 'breach' | null;

  /** The level of an open supervision order (督办) on the item; null when none is open. */
  @Column({ type: 'text', nullable: true })
  supervisionLevel!: string | null;

  /** The person of the unit the case is assigned to. */
  @Column({ type: 'uuid', nullable: true })
  assigneeUserId!: string | null;

  /** The kind of the latest notice applied, and when it happened. */
  @Column({ type: 'text', nullable: true })
  lastNotice!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastNoticeAt!: Date | null;

  @Column({ type: 'text', default: 'open' })
  status!: 'open' | 'cancelled' | 'acknowledged' | 'completed';

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
