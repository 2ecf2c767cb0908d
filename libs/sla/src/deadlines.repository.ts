import { Injectable } from '@nestjs/common';
import { instant } from '@hotline/clock';
import { TransactionService } from '@hotline/database';
import { type DeadlineKind, type DeadlineStatus, PER_UNIT_KIND } from './entities/case-deadline.entity';

export interface DeadlineRow {
  caseId: string;
  kind: DeadlineKind;
  unitCode: string | null;
  startsAt: Date;
  dueAt: Date;
  warnAt: Date;
}

export interface CallbackPage {
  limit: number;
  offset: number;
  only?: readonly string[];
  except?: readonly string[];
}

/** A clock still running, as a correction re-times it. */
export interface RunningDeadline {
  kind: DeadlineKind;
  unitCode: string | null;
  startsAt: Date;
  dueAt: Date;
}

/** A clock the sweep claimed: breached, or warned. */
export interface ClaimedDeadline {
  caseId: string;
  kind: DeadlineKind;
  unitCode: string | null;
  dueAt: Date;
}

interface ClaimedRow {
  case_id: string;
  kind: DeadlineKind;
  unit_code: string | null;
  due_at: Date;
}

/**
 * `case_deadlines`: every running clock of every case. The sweep finds what is due through two
 * partial indexes that hold only open clocks.
 */
@Injectable()
export class DeadlinesRepository {
  constructor(private readonly db: TransactionService) {}

  /**
   * Starts a clock; one of the same kind already running for the case (for a co-handler's report: for
   * the same unit) is replaced.
   */
  async start(d: DeadlineRow): Promise<void> {
    const target =
      d.kind === PER_UNIT_KIND
        ? `(case_id, unit_code) WHERE status = 'open' AND kind = 'report'`
        : `(case_id, kind) WHERE status = 'open' AND kind <> 'report'`;
    await this.db.manager.query(
      `INSERT INTO case_deadlines (case_id, kind, unit_code, starts_at, due_at, warn_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'open')
       ON CONFLICT ${target}
       DO UPDATE SET unit_code = EXCLUDED.unit_code, starts_at = EXCLUDED.starts_at, due_at = EXCLUDED.due_at,
                     warn_at = EXCLUDED.warn_at, warned_at = NULL`,
      [d.caseId, d.kind, d.unitCode, d.startsAt, d.dueAt, d.warnAt],
    );
  }

  /** The case's running clocks. */
  async openOf(caseId: string): Promise<RunningDeadline[]> {
    const rows: { kind: DeadlineKind; unit_code: string | null; starts_at: Date; due_at: Date }[] =
      await this.db.manager.query(
        `SELECT kind, unit_code, starts_at, due_at FROM case_deadlines WHERE case_id = $1 AND status = 'open' ORDER BY kind`,
        [caseId],
      );
    return rows.map((r) => ({ kind: r.kind, unitCode: r.unit_code, startsAt: r.starts_at, dueAt: r.due_at }));
  }

  /** Ends the case's running clocks of these kinds (only the unit's, when one is named). */
  async end(
    caseId: string,
    kinds: readonly DeadlineKind[],
    status: Exclude<DeadlineStatus, 'open'>,
    at: Date,
    unitCode?: string,
  ) {
    await this.db.manager.query(
      `UPDATE case_deadlines SET status = $3, ended_at = $4
        WHERE case_id = $1 AND kind = ANY($2) AND status = 'open' AND ($5::text IS NULL OR unit_code = $5)`,
      [caseId, kinds, status, at, unitCode ?? null],
    );
  }

  /** Cases with a clock past its due time (`breach`) or its warning time (`warn`), soonest first. */
  async dueCaseIds(what: 'breach' | 'warn', now: Date, limit: number): Promise<string[]> {
    const rows: { case_id: string }[] = await this.db.manager.query(
      what === 'breach'
        ? `SELECT case_id FROM case_deadlines WHERE status = 'open' AND due_at <= $1 ORDER BY due_at LIMIT $2`
        : `SELECT case_id FROM case_deadlines WHERE status = 'open' AND warned_at IS NULL AND warn_at <= $1
            ORDER BY warn_at LIMIT $2`,
      [now, limit],
    );
    return [...new Set(rows.map((r) => r.case_id))];
  }

  /**
   * Marks the due clocks of `caseIds` breached (or warned) and returns them. SKIP LOCKED: a clock
   * another sweep holds is left to it, so no breach is ever raised twice.
   */
  async claim(what: 'breach' | 'warn', caseIds: readonly string[], now: Date): Promise<ClaimedDeadline[]> {
    if (caseIds.length === 0) return [];
    const result: unknown = await this.db.manager.query(
      what === 'breach'
        ? `UPDATE case_deadlines SET status = 'breached', ended_at = $2
            WHERE id IN (SELECT id FROM case_deadlines WHERE case_id = ANY($1) AND status = 'open' AND due_at <= $2
                          FOR UPDATE SKIP LOCKED)
            RETURNING case_id, kind, unit_code, due_at`
        : `UPDATE case_deadlines SET warned_at = $2
            WHERE id IN (SELECT id FROM case_deadlines WHERE case_id = ANY($1) AND status = 'open'
                            AND warned_at IS NULL AND warn_at <= $2
                          FOR UPDATE SKIP LOCKED)
            RETURNING case_id, kind, unit_code, due_at`,
      [caseIds, now],
    );
    // UPDATE … RETURNING through TypeORM answers [rows, count].
    const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as ClaimedRow[];
    return rows.map((r) => ({ caseId: r.case_id, kind: r.kind, unitCode: r.unit_code, dueAt: instant(r.due_at) }));
  }

  /** Cases whose callback clock runs, soonest due first (ties by case id, so pages never overlap). */
  async openCallbacks(page: CallbackPage): Promise<{ caseIds: string[]; total: number }> {
    const m = this.db.manager;
    // Only these cases, or all but these (an agent's claimed callbacks; the unclaimed ones).
    const narrowed = page.only
      ? 'AND case_id = ANY($1)'
      : page.except
        ? 'AND NOT (case_id = ANY($1))'
        : 'AND $1::uuid[] IS NULL';
    const cases = page.only ?? page.except ?? null;
    const rows: { case_id: string }[] = await m.query(
      `SELECT case_id FROM case_deadlines WHERE status = 'open' AND kind = 'callback' ${narrowed}
        ORDER BY due_at, case_id LIMIT $2 OFFSET $3`,
      [cases, page.limit, page.offset],
    );
    const [count]: { n: string }[] = await m.query(
      `SELECT count(*) AS n FROM case_deadlines WHERE status = 'open' AND kind = 'callback' ${narrowed}`,
      [cases],
    );
    return { caseIds: rows.map((r) => r.case_id), total: Number(count?.n ?? 0) };
  }

  /** Running clocks past their warning point and not yet due, by kind (optionally one unit's). */
  async atRiskByKind(now: Date, unitCode?: string): Promise<Record<string, number>> {
    const rows: { kind: string; n: string }[] = await this.db.manager.query(
      `SELECT kind, count(*) AS n FROM case_deadlines
        WHERE status = 'open' AND warned_at IS NOT NULL AND due_at > $1 ${unitCode ? 'AND unit_code = $2' : ''}
        GROUP BY 1`,
      [now, ...(unitCode ? [unitCode] : [])],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  }

  async breachedSince(since: Date, unitCode?: string): Promise<number> {
    const [row]: { n: string }[] = await this.db.manager.query(
      `SELECT count(*) AS n FROM case_deadlines WHERE status = 'breached' AND ended_at >= $1 ${unitCode ? 'AND unit_code = $2' : ''}`,
      [since, ...(unitCode ? [unitCode] : [])],
    );
    return Number(row?.n ?? 0);
  }
}
