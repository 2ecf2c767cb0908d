import { Injectable } from '@nestjs/common';
import {
  type Actor,
  CaseCommandsService,
  type CaseDecision,
  type CaseEntity,
  type CaseEventDraft,
  CaseQueriesService,
  type CaseView,
  CaseViewsService,
  nextStatus,
  type Satisfaction,
} from '@hotline/cases';
import { DomainError, Page, PageRequest } from '@hotline/core';
import { type ClockChange, DeadlinesService, DueDatesService, ORDER_CLOCKS } from '@hotline/sla';
import { CallbackClaimsService } from './callback-claims.service';
import { CallbacksRepository } from './callbacks.repository';
import { assertCallbackDue, assertReasonable, checkCallbackInput } from './domain/callback-due';
import { CallbackInput, type CallbackChannel, decideCallback } from './domain/callback-outcome';

export interface CallbackRecord extends CallbackInput {
  note?: string;
  /** Default `phone`. */
  channel?: CallbackChannel;
}

export interface DuePage extends PageRequest {
  /** `me`: the cases I claimed; `none`: those nobody holds. */
  claimed?: 'me' | 'none';
}

export type DueCallback = CaseView & { callbackDueAt: string; claimedBy: string | null; claimedAt: string | null };

/** A citizen's own rating is recorded by the system on their behalf: no staff user called. */
const CITIZEN_ONLINE: Actor = { userId: null, role: 'system', unitCode: null };

/** The centre's callbacks (回访): the due queue, the calls, and marking demands unreasonable. */
@Injectable()
export class CallbacksService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly queries: CaseQueriesService,
    private readonly views: CaseViewsService,
    private readonly callbacks: CallbacksRepository,
    private readonly deadlines: DeadlinesService,
    private readonly dueDates: DueDatesService,
    private readonly claims: CallbackClaimsService,
  ) {}

  /**
   * Cases whose callback clock runs — resolved, or past the resolve deadline — soonest due first.
   * Only reasonable demands have one: marking a demand unreasonable stops it.
   */
  async due(viewer: Actor, page: DuePage): Promise<Page<DueCallback>> {
    const narrowing = await this.claims.narrowing(page.claimed, viewer);
    const { caseIds, total } = await this.deadlines.openCallbacks({
      limit: page.limit,
      offset: page.offset,
      ...narrowing,
    });
    const cases = await this.queries.byIds(caseIds);
    const [views, claims] = await Promise.all([this.views.showAll(cases, viewer), this.claims.liveOf(caseIds)]);
    return {
      items: views.map((view, i) => ({
        ...view,
        callbackDueAt: cases[i].callbackDueAt!.toISOString(),
        claimedBy: claims.get(cases[i].id)?.claimedBy ?? null,
        claimedAt: claims.get(cases[i].id)?.claimedAt.toISOString() ?? null,
      })),
      total,
    };
  }

  async record(caseId: string, input: CallbackRecord, actor: Actor): Promise<CaseEntity> {
    const problems = checkCallbackInput(input);
    if (problems.length > 0) throw DomainError.validation(problems);
    const { case: updated } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      decide: async (c, { now }) => {
        assertCallbackDue(c.status, c.callbackDueAt);
        await this.claims.assertFree(c.id, actor, now);
        await this.claims.release(c.id);
        return this.callbackDecision(c, input, actor, now);
      },
    });
    return updated;
  }

  /**
   * The citizen rates a resolved case online (docs/api.md, "Progress lookup"): a callback through the
   * web channel — reached, with their own answer — counted in the three rates like an agent's call.
   */
  async rateOnline(
    caseId: string,
    rating: { solved: boolean; satisfaction: Satisfaction; note?: string },
  ): Promise<CaseEntity> {
    const input: CallbackRecord = { ...rating, reached: true, channel: 'web' };
    const { case: updated } = await this.commands.run(caseId, CITIZEN_ONLINE, {
      lifecycle: 'open',
      decide: (c, { now }) => {
        // Only a resolved case asks its citizen; one past its deadline unresolved is the centre's to call.
        if (c.status !== 'resolved') throw new DomainError('callback.not_due', 'The case is not waiting for a rating');
        return this.callbackDecision(c, input, CITIZEN_ONLINE, now);
      },
    });
    return updated;
  }

  /** 合理诉求: the centre may mark a demand unreasonable, with a reason, before the callback. */
  async markUnreasonable(caseId: string, reason: string, actor: Actor): Promise<CaseEntity> {
    const { case: marked } = await this.commands.run(caseId, actor, {
      lifecycle: 'open',
      decide: (c) => {
        assertReasonable(c.reasonable);
        return {
          update: { reasonable: false, unreasonableReason: reason },
          clocks: [{ cancel: ['callback'] }],
          events: [
            {
              name: 'marked_unreasonable',
              data: { reason },
              change: { before: { reasonable: true }, after: { reasonable: false } },
            },
          ],
        };
      },
    });
    return marked;
  }

  private async callbackDecision(c: CaseEntity, input: CallbackRecord, actor: Actor, now: Date): Promise<CaseDecision> {
    const decision = decideCallback(c.status, input, c.unreachedCallbacks);
    await this.callbacks.insert({
      caseId: c.id,
      reached: input.reached,
      solved: input.solved ?? null,
      satisfaction: input.satisfaction ?? null,
      note: input.note ?? null,
      channel: input.channel ?? 'phone',
      calledBy: actor.userId,
      calledAt: now,
    });
    const update: Partial<CaseEntity> = {
      unreachedCallbacks: input.reached ? c.unreachedCallbacks : c.unreachedCallbacks + 1,
    };
    const clocks: ClockChange[] = decision.callbackDone ? [{ meet: ['callback'] }] : [];
    const events: CaseEventDraft[] = [
      {
        name: 'callback_recorded',
        data: {
          reached: input.reached,
          solved: input.solved ?? null,
          satisfaction: input.satisfaction ?? null,
          note: input.note ?? null,
          channel: input.channel ?? 'phone',
          attempt: c.unreachedCallbacks + 1,
          late: c.callbackDueAt !== null && now > c.callbackDueAt,
        },
      },
    ];
    if (decision.supervisionTrigger) {
      events.push({
        name: 'supervision_triggered',
        data: {
          trigger: 'callback_unsatisfied',
          solved: input.solved ?? null,
          satisfaction: input.satisfaction ?? null,
        },
      });
    }
    if (decision.next === 'reopened') {
      // Back to the centre for re-dispatch: it gets a dispatch clock of its own.
      const status = nextStatus(c.status, 'reopen');
      const dispatchDueAt = await this.dueDates.dispatchDue(c.urgency, c.categoryCode, now);
      Object.assign(update, { status, callbackDueAt: null, dispatchedAt: null, signedAt: null, respondedAt: null });
      clocks.push({ cancel: ORDER_CLOCKS }, { start: { kind: 'dispatch', startsAt: now, dueAt: dispatchDueAt } });
      events.push({
        name: 'reopened',
        data: { reason: 'callback', dispatchDueAt: dispatchDueAt.toISOString() },
        change: { before: { status: c.status }, after: { status } },
      });
    }
    if (decision.next === 'closed') {
      const status = nextStatus(c.status, 'close');
      Object.assign(update, { status, closedAt: now });
      clocks.push({ cancel: ['response'] });
      events.push({
        name: 'closed',
        data: { reason: decision.closeReason },
        change: { before: { status: c.status }, after: { status: 'closed' } },
      });
    }
    return { update, clocks, events };
  }
}
