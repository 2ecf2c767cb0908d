import { Injectable } from '@nestjs/common';
import { Clock } from '@hotline/clock';
import { warningTime } from './domain/warning';
import type { DeadlineKind } from './entities/case-deadline.entity';
import { CallbackPage, ClaimedDeadline, DeadlinesRepository, RunningDeadline } from './deadlines.repository';

export type { RunningDeadline };

export interface NewDeadline {
  caseId: string;
  kind: DeadlineKind;
  unitCode?: string | null;
  startsAt: Date;
  dueAt: Date;
}

/** One change to a case's clocks, as the case-command kernel applies them; `unitCode` narrows a meet or cancel to one unit's clocks. */
export type ClockChange =
  | { start: Omit<NewDeadline, 'caseId'> }
  | { meet: readonly DeadlineKind[]; unitCode?: string }
  | { cancel: readonly DeadlineKind[]; unitCode?: string };

export interface DueClocks {
  breached: ClaimedDeadline[];
  warned: ClaimedDeadline[];
}

/**
 * The running clocks of cases. Started, met, cancelled and moved in the ambient transaction of the
 * change that causes it; the sweep claims the due ones. Other libraries read the clocks only here.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly clock: Clock,
  ) {}

  /** Starts a clock (warning at 75% of the time allowed); one of the same kind running is replaced. */
  start(d: NewDeadline): Promise<void> {
    return this.deadlines.start({ ...d, unitCode: d.unitCode ?? null, warnAt: warningTime(d.startsAt, d.dueAt) });
  }

  /** The thing the clock waited for happened. */
  meet(caseId: string, kinds: readonly DeadlineKind[], unitCode?: string): Promise<void> {
    return this.deadlines.end(caseId, kinds, 'met', this.clock.now(), unitCode);
  }

  /** The clock no longer applies (re-dispatch, answered on the call, transferred …). */
  cancel(caseId: string, kinds: readonly DeadlineKind[], unitCode?: string): Promise<void> {
    return this.deadlines.end(caseId, kinds, 'cancelled', this.clock.now(), unitCode);
  }

  /** The case's clocks still running (a correction re-times them). */
  running(caseId: string): Promise<RunningDeadline[]> {
    return this.deadlines.openOf(caseId);
  }

  async apply(caseId: string, changes: readonly ClockChange[]): Promise<void> {
    for (const change of changes) {
      if ('start' in change) await this.start({ caseId, ...change.start });
      else if ('meet' in change) await this.meet(caseId, change.meet, change.unitCode);
      else await this.cancel(caseId, change.cancel, change.unitCode);
    }
  }

  /** Up to `limit` cases with a clock due for a breach or a warning at `now` (not claimed: the caller locks them first). */
  async dueCaseIds(now: Date, limit: number): Promise<string[]> {
    const [breach, warn] = await Promise.all([
      this.deadlines.dueCaseIds('breach', now, limit),
      this.deadlines.dueCaseIds('warn', now, limit),
    ]);
    return [...new Set([...breach, ...warn])];
  }

  /** Claims the due clocks of cases the caller holds locked: each breach and warning exactly once. */
  async claimDue(caseIds: readonly string[], now: Date): Promise<DueClocks> {
    return {
      breached: await this.deadlines.claim('breach', caseIds, now),
      warned: await this.deadlines.claim('warn', caseIds, now),
    };
  }

  openCallbacks(page: CallbackPage): Promise<{ caseIds: string[]; total: number }> {
    return this.deadlines.openCallbacks(page);
  }

  atRiskByKind(now: Date, unitCode?: string): Promise<Record<string, number>> {
    return this.deadlines.atRiskByKind(now, unitCode);
  }

  breachedSince(since: Date, unitCode?: string): Promise<number> {
    return this.deadlines.breachedSince(since, unitCode);
  }
}
