import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DEADLINE_KINDS = [
  'dispatch',
  'sign',
  'response',
  'resolve',
  'report',
  'callback',
  'transfer_ack',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export type DeadlineStatus = 'open' | 'met' | 'breached' | 'cancelled';

/** The clocks of a unit's dispatch order: they end with the order (a return, a reopened case, a resolution). */
export const ORDER_CLOCKS = ['sign', 'response', 'resolve', 'report'] as const satisfies readonly DeadlineKind[];

/** A co-handler's report of its part runs per co-handler; every other kind runs once per case. */
export const PER_UNIT_KIND = 'report' satisfies DeadlineKind;

/**
 * One running clock of a case. The sweep finds what is due through the two partial indexes (only
 * open clocks are in them), so a million open cases with nothing due cost an empty index probe.
 */
@Entity({ name: 'case_deadlines' })
@Check(
  'ck_case_deadlines_kind',
  `kind IN ('dispatch', 'sign', 'response', 'resolve', 'report', 'callback', 'transfer_ack')`,
)
@Check('ck_case_deadlines_status', `status IN ('open', 'met', 'breached', 'cancelled')`)
@Index('ix_case_deadlines_due', ['dueAt'], { where: `status = 'open'` })
@Index('ix_case_deadlines_warn', ['warnAt'], { where: `status = 'open' AND warned_at IS NULL` })
@Index('ux_case_deadlines_open', ['caseId', 'kind'], { unique: true, where: `status = 'open' AND kind <> 'report'` })
@Index('ux_case_deadlines_open_report', ['caseId', 'unitCode'], {
  unique: true,
  where: `status = 'open' AND kind = 'report'`,
})
@Index('ix_case_deadlines_case', ['caseId'])
@Index('ix_case_deadlines_at_risk', ['dueAt'], { where: `status = 'open' AND warned_at IS NOT NULL` })
@Index('ix_case_deadlines_breached', ['endedAt'], { where: `status = 'breached'` })
@Index('ix_case_deadlines_callback_queue', ['dueAt'], { where: `status = 'open' AND kind = 'callback'` })
export class CaseDeadlineEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_case_deadlines' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: DeadlineKind;

  /** The unit on the clock, when it is a unit's (sign, response, resolve, a co-handler's report, transfer acknowledgement). */
  @Column({ type: 'text', nullable: true })
  unitCode!: string | null;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz' })
  warnAt!: Date;

  @Column({ type: 'text', default: 'open' })
  status!: DeadlineStatus;

  @Column({ type: 'timestamptz', nullable: true })
  warnedAt!: Date | null;

  /** When the clock stopped: met, breached or cancelled. */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
