import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError, FieldError } from '@hotline/core';
import {
  Actor,
  CaseAssignmentEntity,
  CaseEntity,
  CaseEventRecorder,
  CaseScope,
  CaseStore,
  nextStatus,
  SYSTEM_ACTOR,
} from '@hotline/cases';
import { ReferenceCache, ReferenceSnapshot } from '@hotline/directory';
import { createCloudEvent, OutboxWriter, TOPICS } from '@hotline/messaging';
import { DeadlineBook, SlaClock } from '@hotline/sla';
import { CatalogueDecision, decideDispatch } from './domain/catalogue-engine';
import { callerForUnit } from './domain/dispatch-order';
import { DISPATCH_EVENT_TYPES, OrderIssuedData } from './events/dispatch-events';

export interface DispatchChoice {
  leadUnitCode?: string;
  coUnitCodes?: string[];
}

/**
 * 派单: sends a case to its lead unit and co-handlers — one order per unit through the outbox to
 * `hotline.dispatch.v1` (key = unit code) — and starts their sign, response and resolve clocks.
 */
@Injectable()
export class DispatchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceCache,
    private readonly sla: SlaClock,
    private readonly store: CaseStore,
    private readonly scope: CaseScope,
    private readonly events: CaseEventRecorder,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
    private readonly deadlines: DeadlineBook,
    private readonly clock: Clock,
  ) {}

  /** What the catalogue would do with the case, rule by rule (GET …/dispatch-suggestions). */
  async suggest(caseId: string, viewer: Actor): Promise<CatalogueDecision> {
    const c = await this.store.get(this.dataSource.manager, caseId);
    await this.scope.assertVisible(this.dataSource.manager, c, viewer);
    return this.decide(c, await this.reference.snapshot());
  }

  /** A manual choice, or — with neither unit given — the catalogue's suggestion. */
  async dispatch(caseId: string, choice: DispatchChoice, actor: Actor): Promise<CaseEntity> {
    const snapshot = await this.reference.snapshot();
    return this.dataSource.transaction(async (tx) => {
      const c = await this.store.get(tx, caseId);
      nextStatus(c.status, 'dispatch');
      return this.dispatchLoaded(tx, c, this.resolveChoice(c, choice, snapshot), actor);
    });
  }

  /**
   * The router's path (SPEC: rules flagged `auto` dispatch on registration): dispatches only if the
   * case is still waiting and the matching rule is automatic; anything else is left to an agent.
   */
  async autoDispatch(tx: EntityManager, caseId: string): Promise<CaseEntity | null> {
    const c = await tx.findOneBy(CaseEntity, { id: caseId });
    if (!c || c.status !== 'registered' || c.dispatchCount > 0) return null;
    const decision = this.decide(c, await this.reference.snapshot());
    if (!decision.suggestion?.auto) return null;
    const { leadUnitCode, coUnitCodes, ruleId, reason } = decision.suggestion;
    return this.dispatchLoaded(tx, c, { leadUnitCode, coUnitCodes, ruleId, reason }, SYSTEM_ACTOR);
  }

  private decide(c: CaseEntity, snapshot: ReferenceSnapshot): CatalogueDecision {
    return decideDispatch(
      snapshot.dispatchRules,
      {
        categoryCode: c.categoryCode,
        districtCode: c.districtCode,
        streetCode: c.streetCode,
        overflowFrom: c.overflowFrom,
      },
      (code) => snapshot.units.get(code),
    );
  }

  private resolveChoice(c: CaseEntity, choice: DispatchChoice, snapshot: ReferenceSnapshot): ResolvedChoice {
    if (!choice.leadUnitCode && !choice.coUnitCodes?.length) {
      const decision = this.decide(c, snapshot);
      if (!decision.suggestion) {
        throw DomainError.invalidField(
          'leadUnitCode',
          `the catalogue has no unit for this case (${decision.manualReason}); choose one`,
        );
      }
      const { leadUnitCode, coUnitCodes, ruleId, reason } = decision.suggestion;
      return { leadUnitCode, coUnitCodes, ruleId, reason };
    }
    const problems: FieldError[] = [];
    const active = (code: string) => snapshot.units.get(code)?.active === true;
    if (!choice.leadUnitCode)
      problems.push({ field: 'leadUnitCode', message: 'is required when co-handlers are chosen' });
    else if (!active(choice.leadUnitCode)) problems.push({ field: 'leadUnitCode', message: 'is not an active unit' });
    const co = choice.coUnitCodes ?? [];
    co.forEach((code, i) => {
      if (!active(code)) problems.push({ field: `coUnitCodes.${i}`, message: 'is not an active unit' });
      else if (code === choice.leadUnitCode)
        problems.push({ field: `coUnitCodes.${i}`, message: 'repeats the lead unit' });
      else if (co.indexOf(code) !== i) problems.push({ field: `coUnitCodes.${i}`, message: 'appears twice' });
    });
    if (problems.length > 0) throw DomainError.validation(problems);
    return { leadUnitCode: choice.leadUnitCode!, coUnitCodes: co, ruleId: null, reason: 'chosen by hand' };
  }

  private async dispatchLoaded(
    tx: EntityManager,
    c: CaseEntity,
    choice: ResolvedChoice,
    actor: Actor,
  ): Promise<CaseEntity> {
    const status = nextStatus(c.status, 'dispatch');
    const now = this.clock.now();
    const dispatchNo = c.dispatchCount + 1;
    const deadlines = await this.sla.afterDispatch(c.urgency, c.categoryCode, now);
    const dispatched = await this.store.update(tx, c, {
      status,
      leadUnitCode: choice.leadUnitCode,
      coUnitCodes: choice.coUnitCodes,
      dispatchCount: dispatchNo,
      dispatchedAt: now,
      firstDispatchedAt: c.firstDispatchedAt ?? now,
      ...deadlines,
    });
    await this.deadlines.meet(tx, c.id, ['dispatch']);
    for (const [kind, dueAt] of [
      ['sign', deadlines.signDueAt],
      ['response', deadlines.responseDueAt],
      ['resolve', deadlines.resolveDueAt],
    ] as const) {
      await this.deadlines.start(tx, { caseId: c.id, kind, unitCode: choice.leadUnitCode, startsAt: now, dueAt });
    }
    const units = [
      { unitCode: choice.leadUnitCode, role: 'lead' as const },
      ...choice.coUnitCodes.map((unitCode) => ({ unitCode, role: 'co' as const })),
    ];
    const orders = await tx.save(
      CaseAssignmentEntity,
      units.map((u) => tx.create(CaseAssignmentEntity, { caseId: c.id, ...u, dispatchNo, issuedAt: now })),
    );
    await this.events.record(
      tx,
      dispatched,
      'dispatched',
      actor,
      {
        dispatchNo,
        leadUnitCode: choice.leadUnitCode,
        coUnitCodes: choice.coUnitCodes,
        ruleId: choice.ruleId,
        reason: choice.reason,
        deadlines: {
          sign: deadlines.signDueAt.toISOString(),
          response: deadlines.responseDueAt.toISOString(),
          resolve: deadlines.resolveDueAt.toISOString(),
        },
      },
      {
        before: { status: c.status, leadUnitCode: c.leadUnitCode },
        after: { status, leadUnitCode: choice.leadUnitCode },
      },
      now,
    );
    await this.outbox.append(
      tx,
      orders.map((order) => {
        const data: OrderIssuedData = {
          orderId: order.id,
          caseId: c.id,
          caseNumber: c.caseNumber,
          unitCode: order.unitCode,
          role: order.role,
          categoryCode: c.categoryCode,
          urgency: c.urgency,
          summary: c.description,
          address: c.address,
          issuedAt: now.toISOString(),
          deadlines: {
            sign: deadlines.signDueAt.toISOString(),
            response: deadlines.responseDueAt.toISOString(),
            resolve: deadlines.resolveDueAt.toISOString(),
          },
          caller: callerForUnit(dispatched, order.unitCode),
        };
        const event = createCloudEvent({
          type: DISPATCH_EVENT_TYPES.orderIssued,
          source: this.config.EVENT_SOURCE,
          subject: c.id,
          time: now,
          data,
        });
        return { topic: TOPICS.dispatch, key: order.unitCode, event };
      }),
    );
    return dispatched;
  }
}

interface ResolvedChoice {
  leadUnitCode: string;
  coUnitCodes: string[];
  ruleId: string | null;
  reason: string;
}
