import { Injectable } from '@nestjs/common';
import { Clock } from '@hotline/clock';
import { type ClaimedDeadline, DeadlinesService, DueDatesService } from '@hotline/sla';
import { CaseCommandsService, CaseDecision, CaseEventDraft } from './case-commands.service';
import { SYSTEM_ACTOR } from './domain/actor';
import type { CaseEntity } from './entities/case.entity';

export interface SweepResult {
  breaches: number;
  warnings: number;
  /** More cases were due than one round takes. */
  more: boolean;
}

/**
 * The SLA clocks' sweep: raises a warning at 75% of each running deadline and a breach when it
 * passes, as case events; every breach is also a supervision trigger, and a missed resolve
 * deadline starts the callback clock. The due cases are locked before their clocks are claimed —
 * the order of every case action (docs/architecture.md, "Lock order"), so the sweep and a unit's
 * action never deadlock — and the clocks are claimed with SKIP LOCKED and `status = 'open'`, so two
 * workers never raise the same breach.
 */
@Injectable()
export class DeadlineSweepService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly deadlines: DeadlinesService,
    private readonly dueDates: DueDatesService,
    private readonly clock: Clock,
  ) {}

  async sweepOnce(limit: number): Promise<SweepResult> {
    const candidates = await this.deadlines.dueCaseIds(this.clock.now(), limit);
    if (candidates.length === 0) return { breaches: 0, warnings: 0, more: false };
    let breaches = 0;
    let warnings = 0;
    await this.commands.runMany(candidates, SYSTEM_ACTOR, async (locked, now) => {
      const due = await this.deadlines.claimDue(
        locked.map((c) => c.id),
        now,
      );
      breaches = due.breached.length;
      warnings = due.warned.length;
      const decisions = new Map<string, CaseDecision>();
      const decisionOf = (c: CaseEntity): CaseDecision & { events: CaseEventDraft[] } => {
        const found = decisions.get(c.id) ?? { events: [] };
        decisions.set(c.id, found);
        return found as CaseDecision & { events: CaseEventDraft[] };
      };
      const byId = new Map(locked.map((c) => [c.id, c]));
      for (const clock of due.warned) {
        decisionOf(byId.get(clock.caseId)!).events.push({ name: 'sla_warning', data: describe(clock) });
      }
      for (const clock of due.breached) {
        const c = byId.get(clock.caseId)!;
        const decision = decisionOf(c);
        const callbackDueAt =
          clock.kind === 'resolve' ? await this.callbackDueAfterMissedResolve(c, clock.dueAt) : null;
        if (callbackDueAt) {
          // Bookkeeping of the system, not a user's change: the version (optimistic lock) stays.
          decision.bookkeeping = { callbackDueAt };
          decision.clocks = [{ start: { kind: 'callback', startsAt: clock.dueAt, dueAt: callbackDueAt } }];
        }
        decision.events.push(
          {
            name: 'sla_breached',
            data: { ...describe(clock), ...(callbackDueAt ? { callbackDueAt: callbackDueAt.toISOString() } : {}) },
          },
          {
            name: 'supervision_triggered',
            data: { trigger: 'deadline_missed', kind: clock.kind, unitCode: clock.unitCode },
          },
        );
      }
      return decisions;
    });
    return { breaches, warnings, more: candidates.length >= limit };
  }

  /**
   * An unresolved case past its resolve deadline is due a callback all the same (docs/product.md,
   * "Deadlines") — a reasonable one: an unreasonable demand is never called back.
   */
  private async callbackDueAfterMissedResolve(c: CaseEntity, resolveDueAt: Date): Promise<Date | null> {
    if (c.status === 'resolved' || c.status === 'closed' || c.callbackDueAt || !c.reasonable) return null;
    return this.dueDates.callbackDue(c.urgency, c.categoryCode, resolveDueAt);
  }
}

function describe(clock: ClaimedDeadline): object {
  return { kind: clock.kind, unitCode: clock.unitCode, dueAt: clock.dueAt.toISOString() };
}
