import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock, instant } from '@hotline/clock';
import { DeadlineBook, DeadlineKind, SlaClock } from '@hotline/sla';
import { CaseEventRecorder, NewCaseEvent } from './case-event-recorder';
import { SYSTEM_ACTOR } from './domain/actor';
import { CaseEntity } from './entities/case.entity';

interface DueRow {
  id: string;
  case_id: string;
  kind: DeadlineKind;
  unit_code: string | null;
  due_at: Date;
}

export interface SweepResult {
  breaches: number;
  warnings: number;
}

/**
 * The SLA clocks' sweep: raises a warning at 75% of each running deadline and a breach when it
 * passes, as case events; every breach is also a supervision trigger. Claims rows with
 * FOR UPDATE SKIP LOCKED and stamps them in the same transaction, so two workers sweeping at once
 * never raise the same breach twice.
 */
@Injectable()
export class DeadlineSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: CaseEventRecorder,
    private readonly deadlines: DeadlineBook,
    private readonly sla: SlaClock,
    private readonly clock: Clock,
  ) {}

  async sweepOnce(limit: number): Promise<SweepResult> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const breached: DueRow[] = await tx
        .query(
          `UPDATE case_deadlines SET status = 'breached', ended_at = $2
          WHERE id IN (SELECT id FROM case_deadlines WHERE status = 'open' AND due_at <= $2
                        ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, case_id, kind, unit_code, due_at`,
          [limit, now],
        )
        .then(rowsOf);
      const warned: DueRow[] = await tx
        .query(
          `UPDATE case_deadlines SET warned_at = $2
          WHERE id IN (SELECT id FROM case_deadlines WHERE status = 'open' AND warned_at IS NULL AND warn_at <= $2
                        ORDER BY warn_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, case_id, kind, unit_code, due_at`,
          [limit, now],
        )
        .then(rowsOf);
      if (breached.length + warned.length === 0) return { breaches: 0, warnings: 0 };

      const cases = await this.lockCases(
        tx,
        [...breached, ...warned].map((r) => r.case_id),
      );
      const events: NewCaseEvent[] = [];
      for (const row of warned) {
        const c = cases.get(row.case_id);
        if (c) events.push({ subject: c, name: 'sla_warning', actor: SYSTEM_ACTOR, data: describe(row) });
      }
      for (const row of breached) {
        const c = cases.get(row.case_id);
        if (!c) continue;
        const callbackDueAt = row.kind === 'resolve' ? await this.startCallbackClock(tx, c, row.due_at) : null;
        events.push(
          {
            subject: c,
            name: 'sla_breached',
            actor: SYSTEM_ACTOR,
            data: { ...describe(row), ...(callbackDueAt ? { callbackDueAt: callbackDueAt.toISOString() } : {}) },
          },
          {
            subject: c,
            name: 'supervision_triggered',
            actor: SYSTEM_ACTOR,
            data: { trigger: 'deadline_missed', kind: row.kind, unitCode: row.unit_code },
          },
        );
      }
      await this.events.recordMany(tx, events);
      return { breaches: breached.length, warnings: warned.length };
    });
  }

  /** An unresolved case past its resolve deadline is due a callback all the same (SPEC §3). */
  private async startCallbackClock(tx: EntityManager, c: CaseEntity, resolveDueAt: Date): Promise<Date | null> {
    if (c.status === 'resolved' || c.status === 'closed' || c.callbackDueAt) return null;
    const callbackDueAt = await this.sla.callbackDue(c.urgency, c.categoryCode, resolveDueAt);
    // Bookkeeping of the system, not a user's change: the version (optimistic lock) stays as it is.
    await tx.update(CaseEntity, { id: c.id }, { callbackDueAt });
    await this.deadlines.start(tx, { caseId: c.id, kind: 'callback', startsAt: resolveDueAt, dueAt: callbackDueAt });
    return callbackDueAt;
  }

  /** Locks the cases whose events are about to be written, in id order (no deadlocks between sweeps). */
  private async lockCases(tx: EntityManager, ids: string[]): Promise<Map<string, CaseEntity>> {
    const rows = await tx
      .createQueryBuilder(CaseEntity, 'c')
      .where('c.id IN (:...ids)', { ids: [...new Set(ids)] })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getMany();
    return new Map(rows.map((c) => [c.id, c]));
  }
}

function describe(row: DueRow): object {
  return { kind: row.kind, unitCode: row.unit_code, dueAt: instant(row.due_at).toISOString() };
}

/** UPDATE … RETURNING through TypeORM answers [rows, count]. */
function rowsOf(result: unknown): DueRow[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as DueRow[];
}
