import { Injectable } from '@nestjs/common';
import {
  type Actor,
  CaseCommandsService,
  type CaseDecision,
  type CaseEntity,
  type CaseStatus,
  type ResolutionOutcome,
} from '@hotline/cases';
import { DomainError } from '@hotline/core';
import { OrdersService } from '@hotline/dispatch';
import { DueDatesService } from '@hotline/sla';
import {
  assertCanRequestExtension,
  assertCanRespond,
  assertPendingExtension,
  decideSign,
  extendedDeadline,
  isLate,
} from './domain/handling-rules';
import type { CaseExtensionEntity } from './entities/case-extension.entity';
import { ExtensionsRepository } from './extensions.repository';

/**
 * What handling units do with their cases (docs/product.md, "Handling"): sign, respond (first
 * contact), ask for an extension, resolve; co-handlers sign their order and report their part. The
 * same service serves the api and units' own systems over Kafka, through the case-command kernel:
 * the actor's unit must hold an active order (in the right role), the case must be in the right
 * state, and of two concurrent actions exactly one wins.
 */
@Injectable()
export class HandlingService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly orders: OrdersService,
    private readonly extensions: ExtensionsRepository,
    private readonly dueDates: DueDatesService,
  ) {}

  /** 签收. The lead's signature moves the case to `signed`; a co-handler signs its own order. */
  async sign(caseId: string, actor: Actor): Promise<CaseEntity> {
    const { case: signed } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      authorize: () => this.orders.activeOrderOf(caseId, actor),
      decide: async (c, { now, authorized: order }) => {
        const decision = decideSign(c.status, order);
        await this.orders.markSigned(order.id, now);
        if (decision.as === 'co') return { events: [{ name: 'co_signed', data: { orderId: order.id } }] };
        return {
          update: { status: decision.status, signedAt: now },
          clocks: [{ meet: ['sign'] }],
          events: [
            {
              name: 'signed',
              data: { orderId: order.id },
              change: { before: { status: c.status }, after: { status: decision.status } },
            },
          ],
        };
      },
    });
    return signed;
  }

  /** 响应: the lead unit's first contact with the citizen. */
  async respond(caseId: string, note: string, actor: Actor): Promise<CaseEntity> {
    const { case: responded } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      authorize: () => this.orders.activeOrderOf(caseId, actor, 'lead'),
      decide: (c, { now }) => {
        assertCanRespond(c.status, c.respondedAt);
        return {
          update: { respondedAt: now },
          clocks: [{ meet: ['response'] }],
          events: [{ name: 'responded', data: { note, late: isLate(now, c.responseDueAt) } }],
        };
      },
    });
    return responded;
  }

  /** A co-handler posts its part (its report clock is met); only the lead resolves. */
  async reportPart(caseId: string, note: string, actor: Actor): Promise<CaseEntity> {
    const { case: c } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      authorize: () => this.orders.activeOrderOf(caseId, actor, 'co'),
      decide: (_c, { authorized: order }) => ({
        clocks: [{ meet: ['report'], unitCode: order.unitCode }],
        events: [{ name: 'co_handler_reported', data: { orderId: order.id, note } }],
      }),
    });
    return c;
  }

  async requestExtension(caseId: string, hours: number, reason: string, actor: Actor): Promise<CaseExtensionEntity> {
    const { result } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      authorize: () => this.orders.activeOrderOf(caseId, actor, 'lead'),
      decide: async (c, { now, authorized: order }) => {
        assertCanRequestExtension(c.status, await this.extensions.hasPending(caseId));
        const request = await this.extensions.insert({
          caseId,
          unitCode: order.unitCode,
          hours,
          reason,
          requestedBy: actor.userId,
          requestedAt: now,
        });
        return {
          // Touch the case so a concurrent action conflicts instead of interleaving.
          update: {},
          events: [{ name: 'extension_requested', data: { extensionId: request.id, hours, reason } }],
          result: request,
        };
      },
    });
    return result;
  }

  /** Approved: the resolve deadline moves by the hours asked; every deadline change is an event with its reason. */
  async reviewExtension(caseId: string, extensionId: string, approve: boolean, actor: Actor): Promise<CaseEntity> {
    const { case: reviewed } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      decide: async (c, { now }) => {
        const request = await this.extensions.find(extensionId, caseId);
        if (!request) throw new DomainError('extension.not_found', `Extension request ${extensionId} not found`);
        assertPendingExtension(request);
        await this.extensions.review(request.id, {
          status: approve ? 'approved' : 'rejected',
          reviewedBy: actor.userId,
          reviewedAt: now,
        });
        if (!approve || !c.resolveDueAt) {
          return { update: {}, events: [{ name: 'extension_reviewed', data: { extensionId, approved: approve } }] };
        }
        const resolveDueAt = extendedDeadline(c.resolveDueAt, request.hours);
        return {
          update: { resolveDueAt },
          clocks: [
            {
              start: {
                kind: 'resolve',
                unitCode: c.leadUnitCode,
                startsAt: c.dispatchedAt ?? now,
                dueAt: resolveDueAt,
              },
            },
          ],
          events: [
            { name: 'extension_reviewed', data: { extensionId, approved: true, hours: request.hours } },
            {
              name: 'deadline_changed',
              data: { deadline: 'resolve', reason: `extension approved: ${request.reason}`, extensionId },
              change: {
                before: { resolveDueAt: c.resolveDueAt.toISOString() },
                after: { resolveDueAt: resolveDueAt.toISOString() },
              },
            },
          ],
        };
      },
    });
    return reviewed;
  }

  /**
   * 办结: the lead submits the result. Where the case's policy has the centre review results (审核), it
   * waits in `reviewing` — the resolve clock stops meanwhile — and resolves only when approved
   * (`reviewResult`); otherwise it resolves now: the callback clock starts and the orders are completed.
   */
  async resolve(caseId: string, outcome: ResolutionOutcome, reply: string, actor: Actor): Promise<CaseEntity> {
    const { case: resolved } = await this.commands.run(caseId, actor, {
      lifecycle: async (c) =>
        (await this.dueDates.reviewsResult(c.urgency, c.categoryCode)) ? 'submit_result' : 'resolve',
      authorize: () => this.orders.activeOrderOf(caseId, actor, 'lead'),
      decide: async (c, { next, now }) => {
        const result = { resolutionOutcome: outcome, resolutionReply: reply };
        if (next === 'reviewing') {
          return {
            update: { ...result, resultSubmittedAt: now },
            clocks: [{ meet: ['resolve'] }],
            events: [
              {
                name: 'result_submitted',
                data: { outcome, reply, late: isLate(now, c.resolveDueAt) },
                change: { before: { status: c.status }, after: { status: next } },
              },
            ],
          };
        }
        return this.resolution({ ...c, ...result }, now, now, next);
      },
    });
    return resolved;
  }

  /**
   * The centre's review (审核) of the lead's result: approved, the case resolves as of the result's
   * submission (on time if submitted on time); rejected, it goes back to the lead with the reason, and
   * the resolve clock runs again to the same deadline — a deadline passed meanwhile is a breach.
   */
  async reviewResult(caseId: string, approve: boolean, reason: string | undefined, actor: Actor): Promise<CaseEntity> {
    const { case: reviewed } = await this.commands.run(caseId, actor, {
      lifecycle: approve ? 'approve_result' : 'reject_result',
      decide: async (c, { next, now }) => {
        const submittedAt = c.resultSubmittedAt ?? now;
        const decided = { name: 'result_reviewed' as const, data: { approved: approve, reason: reason ?? null } };
        if (approve) {
          const resolution = await this.resolution(c, submittedAt, now, next);
          return {
            ...resolution,
            update: { ...resolution.update, resultSubmittedAt: null },
            events: [decided, ...resolution.events],
          };
        }
        return {
          update: { resultSubmittedAt: null },
          clocks: c.resolveDueAt
            ? [
                {
                  start: {
                    kind: 'resolve',
                    unitCode: c.leadUnitCode,
                    startsAt: c.dispatchedAt ?? now,
                    dueAt: c.resolveDueAt,
                  },
                },
              ]
            : [],
          events: [{ ...decided, change: { before: { status: c.status }, after: { status: next } } }],
        };
      },
    });
    return reviewed;
  }

  /** The case resolved with the result given at `resolvedAt`: the callback clock starts now, the orders complete. */
  private async resolution(c: CaseEntity, resolvedAt: Date, now: Date, next: CaseStatus | null): Promise<CaseDecision> {
    const callbackDueAt = await this.dueDates.callbackDue(c.urgency, c.categoryCode, now);
    await this.orders.completeAll(c.id);
    const outcome = c.resolutionOutcome;
    return {
      update: { resolvedAt, resolutionOutcome: outcome, resolutionReply: c.resolutionReply, callbackDueAt },
      clocks: [
        { meet: ['resolve'] },
        // A co-handler that has not reported by now has nothing left to report for.
        { cancel: ['report'] },
        ...(c.reasonable ? [{ start: { kind: 'callback' as const, startsAt: now, dueAt: callbackDueAt } }] : []),
      ],
      events: [
        {
          name: 'resolved',
          data: {
            outcome,
            reply: c.resolutionReply,
            late: isLate(resolvedAt, c.resolveDueAt),
            resolvedAt: resolvedAt.toISOString(),
            callbackDueAt: callbackDueAt.toISOString(),
          },
          change: { before: { status: c.status }, after: { status: next } },
        },
      ],
    };
  }
}
