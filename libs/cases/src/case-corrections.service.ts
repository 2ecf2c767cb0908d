import { Injectable } from '@nestjs/common';
import { DomainError } from '@hotline/core';
import { ReferenceDataService } from '@hotline/directory';
import { type ClockChange, DeadlinesService, DueDatesService } from '@hotline/sla';
import { CaseCommandsService } from './case-commands.service';
import type { Actor } from './domain/actor';
import { type CorrectionRequest, decideCorrection, retimedDue } from './domain/case-correction';
import { checkRegistrationPlace } from './domain/registration-rules';
import type { CaseEntity } from './entities/case.entity';

/** The case field each re-timed clock's deadline is kept in. */
const DUE_FIELD = {
  dispatch: 'dispatchDueAt',
  sign: 'signDueAt',
  response: 'responseDueAt',
  resolve: 'resolveDueAt',
  callback: 'callbackDueAt',
} as const;

/**
 * The centre corrects a registered case (docs/api.md, "Corrections and notes"): category, urgency or
 * place, with a reason, as one `corrected` event. A new category or urgency re-times every deadline still
 * running under the policy for the corrected pair; met and missed deadlines stay as they were.
 */
@Injectable()
export class CaseCorrectionsService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly reference: ReferenceDataService,
    private readonly deadlines: DeadlinesService,
    private readonly dueDates: DueDatesService,
  ) {}

  async correct(caseId: string, request: CorrectionRequest, reason: string, actor: Actor): Promise<CaseEntity> {
    const snapshot = await this.reference.snapshot();
    const { case: corrected } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      decide: async (c) => {
        const correction = decideCorrection(c, request);
        const after = { ...c, ...correction.changes };
        const problems = checkRegistrationPlace(after, {
          category: (code) => snapshot.categories.get(code),
          unit: (code) => snapshot.units.get(code),
        }).filter((p) => p.field in correction.changes);
        if (problems.length > 0) throw DomainError.validation(problems);
        const retimed = correction.retimes ? await this.retime(c, after) : { clocks: [], dues: {} };
        const dueBefore = Object.fromEntries(
          Object.keys(retimed.dues).map((field) => [field, c[field as keyof CaseEntity]]),
        );
        return {
          update: { ...correction.changes, ...retimed.dues },
          clocks: retimed.clocks,
          events: [
            {
              name: 'corrected',
              data: { reason, fields: Object.keys(correction.changes), retimed: retimed.clocks.length > 0 },
              change: {
                before: { ...correction.before, ...dueBefore },
                after: { ...correction.changes, ...retimed.dues },
              },
            },
          ],
        };
      },
    });
    return corrected;
  }

  /** Each running clock with a deadline on the case, moved by what the new policy gives it over the old one. */
  private async retime(
    c: CaseEntity,
    after: CaseEntity,
  ): Promise<{ clocks: ClockChange[]; dues: Partial<Record<(typeof DUE_FIELD)[keyof typeof DUE_FIELD], Date>> }> {
    const clocks: ClockChange[] = [];
    const dues: Partial<Record<(typeof DUE_FIELD)[keyof typeof DUE_FIELD], Date>> = {};
    for (const clock of await this.deadlines.running(c.id)) {
      if (!(clock.kind in DUE_FIELD)) continue;
      const kind = clock.kind as keyof typeof DUE_FIELD;
      const oldDue = await this.dueDates.dueOf(kind, c.urgency, c.categoryCode, clock.startsAt);
      const newDue = await this.dueDates.dueOf(kind, after.urgency, after.categoryCode, clock.startsAt);
      if (oldDue.getTime() === newDue.getTime()) continue;
      const dueAt = retimedDue(clock.dueAt, oldDue, newDue);
      clocks.push({ start: { kind, unitCode: clock.unitCode, startsAt: clock.startsAt, dueAt } });
      dues[DUE_FIELD[kind]] = dueAt;
    }
    return { clocks, dues };
  }
}
