import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RequesterKind } from '@hotline/cases';

/** The grouping columns, carried in the open-item indexes so counting them reads only the index. */
const GROUP_COLUMNS = ['unitCode', 'districtCode', 'streetCode', 'hotline', 'categoryCode', 'requesterKind'] as const;

/**
 * The KPI projection: one row per case with what the five rates need (see domain/case-facts.ts).
 * Written only by the worker's kpi-projector (and `npm run kpi:rebuild`). The partial indexes find
 * the open items whose deadline has passed today — the only part of a rate that depends on the clock —
 * and carry the grouping columns, so the count is an index-only scan (no heap visit per item).
 */
@Entity({ name: 'kpi_case_facts' })
@Index('ix_kpi_facts_dispatch_open', ['dispatchDueAt', ...GROUP_COLUMNS], {
  where: 'first_dispatched_at IS NULL AND no_dispatch_needed = false AND first_call',
})
@Index('ix_kpi_facts_response_open', ['responseDueAt', ...GROUP_COLUMNS], {
  where: 'responded_at IS NULL AND response_due_at IS NOT NULL AND first_call',
})
@Index('ix_kpi_facts_callback_open', ['callbackDueAt', ...GROUP_COLUMNS], {
  where: 'callback_done_at IS NULL AND callback_due_at IS NOT NULL AND reasonable AND first_call',
})
@Index('ix_kpi_facts_supervision_open', ['triggerAt', ...GROUP_COLUMNS], {
  where: 'supervised_at IS NULL AND trigger_at IS NOT NULL AND first_call',
})
@Index('ix_kpi_facts_unit_dispatch_due', ['unitCode', 'dispatchDueAt'])
export class KpiCaseFactEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_kpi_case_facts' })
  caseId!: string;

  @Column({ type: 'text' }) caseNumber!: string;
  @Column({ type: 'boolean' }) firstCall!: boolean;
  @Column({ type: 'timestamptz' }) registeredAt!: Date;
  @Column({ type: 'text' }) hotline!: string;
  @Column({ type: 'text' }) categoryCode!: string;
  @Column({ type: 'text' }) districtCode!: string;
  @Column({ type: 'text', nullable: true }) streetCode!: string | null;
  @Column({ type: 'text' }) requesterKind!: RequesterKind;
  @Column({ type: 'text', nullable: true }) unitCode!: string | null;
  @Column({ type: 'boolean' }) noDispatchNeeded!: boolean;
  @Column({ type: 'timestamptz' }) dispatchDueAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) firstDispatchedAt!: Date | null;
  @Column({ type: 'integer' }) dispatchCount!: number;
  @Column({ type: 'boolean' }) firstDispatchReturned!: boolean;
  @Column({ type: 'boolean' }) firstReturnPending!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) responseDueAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolveDueAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'boolean' }) reasonable!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) callbackDueAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) callbackDoneAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) triggerAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) supervisedAt!: Date | null;
}
