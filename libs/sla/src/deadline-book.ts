import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@hotline/clock';
import { warningTime } from './domain/warning';
import type { DeadlineKind } from './entities/case-deadline.entity';

export interface NewDeadline {
  caseId: string;
  kind: DeadlineKind;
  unitCode?: string | null;
  startsAt: Date;
  dueAt: Date;
}

/**
 * The running clocks of cases (case_deadlines). Services start, stop and move them in the same
 * transaction as the change that causes it; the sweep raises warnings and breaches from them.
 */
@Injectable()
export class DeadlineBook {
  constructor(private readonly clock: Clock) {}

  /** Starts a clock; a clock of the same kind already running for the case is replaced. */
  async start(tx: EntityManager, d: NewDeadline): Promise<void> {
    await tx.query(
      `INSERT INTO case_deadlines (case_id, kind, unit_code, starts_at, due_at, warn_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'open')
       ON CONFLICT (case_id, kind) WHERE status = 'open'
       DO UPDATE SET unit_code = EXCLUDED.unit_code, starts_at = EXCLUDED.starts_at, due_at = EXCLUDED.due_at,
                     warn_at = EXCLUDED.warn_at, warned_at = NULL`,
      [d.caseId, d.kind, d.unitCode ?? null, d.startsAt, d.dueAt, warningTime(d.startsAt, d.dueAt)],
    );
  }

  /** The thing the clock waited for happened. */
  async meet(tx: EntityManager, caseId: string, kinds: readonly DeadlineKind[]): Promise<void> {
    await this.end(tx, caseId, kinds, 'met');
  }

  /** The clock no longer applies (re-dispatch, answered on the call, transferred …). */
  async cancel(tx: EntityManager, caseId: string, kinds: readonly DeadlineKind[]): Promise<void> {
    await this.end(tx, caseId, kinds, 'cancelled');
  }

  private async end(
    tx: EntityManager,
    caseId: string,
    kinds: readonly DeadlineKind[],
    status: 'met' | 'cancelled',
  ): Promise<void> {
    await tx.query(
      `UPDATE case_deadlines SET status = $3, ended_at = $4 WHERE case_id = $1 AND kind = ANY($2) AND status = 'open'`,
      [caseId, kinds, status, this.clock.now()],
    );
  }
}
