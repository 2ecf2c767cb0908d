import { Injectable } from '@nestjs/common';
import {
  type Actor,
  CaseCommandsService,
  type CaseDecision,
  type CaseEntity,
  CaseQueriesService,
  nextStatus,
  SYSTEM_ACTOR,
} from '@hotline/cases';
import { DomainError } from '@hotline/core';
import { ReferenceDataService, ReferenceSnapshot } from '@hotline/directory';
import { defaultCoReportDue, DueDatesService } from '@hotline/sla';
import { CatalogueDecision, decideDispatch } from './domain/catalogue-engine';
import { casePlace } from './domain/catalogue-replay';
import { checkManualChoice, DispatchChoice, isCatalogueChoice } from './domain/dispatch-choice';
import { OrdersService } from './orders.service';

export type { DispatchChoice } from './domain/dispatch-choice';

interface ResolvedChoice {
  leadUnitCode: string;
  coUnitCodes: string[];
  ruleId: string | null;
  reason: string;
}

/**
 * 派单: sends a case to its lead unit and co-handlers — one order per unit through the outbox to
 * `hotline.dispatch.v1` (key = unit code) — and starts the lead's sign, response and resolve clocks and
 * each co-handler's report clock.
 */
@Injectable()
export class DispatchService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly queries: CaseQueriesService,
    private readonly orders: OrdersService,
    private readonly reference: ReferenceDataService,
    private readonly dueDates: DueDatesService,
  ) {}

  /** What the catalogue would do with the case, rule by rule (GET …/dispatch-suggestions). */
  async suggest(caseId: string, viewer: Actor): Promise<CatalogueDecision> {
    const c = await this.queries.visible(caseId, viewer);
    return this.decide(c, await this.reference.snapshot());
  }

  /** A manual choice, or — with neither unit given — the catalogue's suggestion. */
  async dispatch(caseId: string, choice: DispatchChoice, actor: Actor): Promise<CaseEntity> {
    const snapshot = await this.reference.snapshot();
    const { case: dispatched } = await this.commands.run(caseId, actor, {
      lifecycle: 'dispatch',
      decide: (c, { now }) => this.dispatchDecision(c, this.resolveChoice(c, choice, snapshot), now),
    });
    return dispatched;
  }

  /**
   * The router's path (rules flagged `auto` dispatch on registration): dispatches only if the case
   * is still waiting and the matching rule is automatic; anything else is left to an agent.
   */
  autoDispatch(caseId: string): Promise<void> {
    return this.dispatchWithoutAgent(caseId, (c, snapshot) => this.autoChoice(c, snapshot));
  }

  /**
   * A case reopened after its callback goes back, without an agent, to the unit that handled it (and its
   * co-handlers still active) when the catalogue's matching rule says `redispatchOnReopen`; anything else
   * waits for an agent (docs/product.md, "Centre review and reopened cases").
   */
  redispatchReopened(caseId: string): Promise<void> {
    return this.dispatchWithoutAgent(caseId, (c, snapshot) => this.reopenChoice(c, snapshot));
  }

  /**
   * Most cases wait for an agent: decide on a plain read, lock only a case `choose` routes, and choose
   * again under the lock (an agent may have got there first).
   */
  private async dispatchWithoutAgent(
    caseId: string,
    choose: (c: CaseEntity, snapshot: ReferenceSnapshot) => ResolvedChoice | undefined,
  ): Promise<void> {
    const snapshot = await this.reference.snapshot();
    const [read] = await this.queries.byIds([caseId]);
    if (!read || !choose(read, snapshot)) return;
    await this.commands.run(caseId, SYSTEM_ACTOR, {
      lifecycle: 'any',
      decide: async (c, { now }) => {
        const choice = choose(c, snapshot);
        if (!choice) return null;
        const decision = await this.dispatchDecision(c, choice, now);
        return { ...decision, update: { ...decision.update, status: nextStatus(c.status, 'dispatch') } };
      },
    });
  }

  private reopenChoice(c: CaseEntity, snapshot: ReferenceSnapshot): ResolvedChoice | undefined {
    if (c.status !== 'reopened' || !c.leadUnitCode) return undefined;
    const suggestion = this.decide(c, snapshot).suggestion;
    if (!suggestion?.redispatchOnReopen) return undefined;
    const lead = c.leadUnitCode;
    if (snapshot.units.get(lead)?.active !== true) return undefined;
    return {
      leadUnitCode: lead,
      coUnitCodes: c.coUnitCodes.filter((code) => snapshot.units.get(code)?.active === true),
      ruleId: suggestion.ruleId,
      reason: `reopened after the callback: back to ${lead} by ${suggestion.reason}`,
    };
  }

  /** The catalogue's choice for a case still waiting, when its rule dispatches without an agent. */
  private autoChoice(c: CaseEntity, snapshot: ReferenceSnapshot): ResolvedChoice | undefined {
    if (c.status !== 'registered' || c.dispatchCount > 0) return undefined;
    const suggestion = this.decide(c, snapshot).suggestion;
    if (!suggestion?.auto) return undefined;
    const { leadUnitCode, coUnitCodes, ruleId, reason } = suggestion;
    return { leadUnitCode, coUnitCodes, ruleId, reason };
  }

  private decide(c: CaseEntity, snapshot: ReferenceSnapshot): CatalogueDecision {
    return decideDispatch(snapshot.dispatchRules, casePlace(c, snapshot.categories), (code) =>
      snapshot.units.get(code),
    );
  }

  private resolveChoice(c: CaseEntity, choice: DispatchChoice, snapshot: ReferenceSnapshot): ResolvedChoice {
    if (isCatalogueChoice(choice)) {
      const decision = this.decide(c, snapshot);
      if (!decision.suggestion) {
        throw DomainError.invalidField(
          'leadUnitCode',
          `the catalogue has no unit for this case (${decision.manualReason}); choose one`,
          'no_catalogue_match',
        );
      }
      const { leadUnitCode, coUnitCodes, ruleId, reason } = decision.suggestion;
      return { leadUnitCode, coUnitCodes, ruleId, reason };
    }
    const problems = checkManualChoice(choice, (code) => snapshot.units.get(code)?.active === true);
    if (problems.length > 0) throw DomainError.validation(problems);
    return {
      leadUnitCode: choice.leadUnitCode!,
      coUnitCodes: choice.coUnitCodes ?? [],
      ruleId: null,
      reason: 'chosen by hand',
    };
  }

  /** The dispatch's orders are issued here; the kernel applies the case's update, clocks and event. */
  private async dispatchDecision(c: CaseEntity, choice: ResolvedChoice, now: Date): Promise<CaseDecision> {
    const dispatchNo = c.dispatchCount + 1;
    const deadlines = await this.dueDates.afterDispatch(c.urgency, c.categoryCode, now);
    const reportDueAt = defaultCoReportDue(now, deadlines.resolveDueAt);
    const coReportDue = Object.fromEntries(choice.coUnitCodes.map((code) => [code, reportDueAt.toISOString()]));
    const units = [
      { unitCode: choice.leadUnitCode, role: 'lead' as const },
      ...choice.coUnitCodes.map((unitCode) => ({ unitCode, role: 'co' as const, reportDueAt })),
    ];
    const asDispatched = {
      ...c,
      status: 'dispatched' as const,
      leadUnitCode: choice.leadUnitCode,
      coUnitCodes: choice.coUnitCodes,
      coReportDue,
      forwardedToUnitCode: null,
    };
    await this.orders.issue(asDispatched, dispatchNo, units, deadlines, now);
    const lead = choice.leadUnitCode;
    return {
      update: {
        leadUnitCode: lead,
        coUnitCodes: choice.coUnitCodes,
        coReportDue,
        forwardedToUnitCode: null,
        dispatchCount: dispatchNo,
        dispatchedAt: now,
        firstDispatchedAt: c.firstDispatchedAt ?? now,
        ...deadlines,
      },
      clocks: [
        { meet: ['dispatch'] },
        { start: { kind: 'sign', unitCode: lead, startsAt: now, dueAt: deadlines.signDueAt } },
        { start: { kind: 'response', unitCode: lead, startsAt: now, dueAt: deadlines.responseDueAt } },
        { start: { kind: 'resolve', unitCode: lead, startsAt: now, dueAt: deadlines.resolveDueAt } },
        ...choice.coUnitCodes.map((unitCode) => ({
          start: { kind: 'report' as const, unitCode, startsAt: now, dueAt: reportDueAt },
        })),
      ],
      events: [
        {
          name: 'dispatched',
          data: {
            dispatchNo,
            leadUnitCode: lead,
            coUnitCodes: choice.coUnitCodes,
            ruleId: choice.ruleId,
            reason: choice.reason,
            deadlines: {
              sign: deadlines.signDueAt.toISOString(),
              response: deadlines.responseDueAt.toISOString(),
              resolve: deadlines.resolveDueAt.toISOString(),
            },
            coReportDue,
          },
          change: {
            before: { status: c.status, leadUnitCode: c.leadUnitCode },
            after: { status: 'dispatched', leadUnitCode: lead },
          },
        },
      ],
    };
  }
}
