import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@hotline/clock';
import { DomainError, Page } from '@hotline/core';
import {
  Actor,
  assertOpen,
  CaseEntity,
  CaseEventRecorder,
  CaseStore,
  CaseView,
  nextStatus,
  toCaseView,
} from '@hotline/cases';
import { DeadlineBook, SlaClock } from '@hotline/sla';
import { CallbackInput, decideCallback } from './domain/callback-outcome';
import { CallbackEntity } from './entities/callback.entity';

export interface CallbackRecord extends CallbackInput {
  note?: string;
}

/** The centre's callbacks (回访): the due queue, the calls, and marking demands unreasonable. */
@Injectable()
export class CallbacksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly events: CaseEventRecorder,
    private readonly deadlines: DeadlineBook,
    private readonly sla: SlaClock,
    private readonly clock: Clock,
  ) {}

  /** Reasonable cases whose callback clock runs — resolved, or past the resolve deadline — soonest due first. */
  async due(
    viewer: Actor,
    page: { limit: number; offset: number },
  ): Promise<Page<CaseView & { callbackDueAt: string }>> {
    const query = this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .innerJoin('case_deadlines', 'd', `d.case_id = c.id AND d.kind = 'callback' AND d.status = 'open'`)
      .where('c.reasonable = true')
      .orderBy('c.callbackDueAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      // At most one open callback clock per case: plain LIMIT/OFFSET, no de-duplicating subquery.
      .limit(page.limit)
      .offset(page.offset);
    const [rows, total] = await query.getManyAndCount();
    return {
      items: rows.map((c) => ({ ...toCaseView(c, viewer), callbackDueAt: c.callbackDueAt!.toISOString() })),
      total,
    };
  }

  async record(caseId: string, input: CallbackRecord, actor: Actor): Promise<CaseEntity> {
    if (input.reached && (input.solved === undefined || input.satisfaction === undefined)) {
      throw DomainError.validation([
        ...(input.solved === undefined
          ? [{ field: 'solved', message: 'is required when the citizen was reached' }]
          : []),
        ...(input.satisfaction === undefined
          ? [{ field: 'satisfaction', message: 'is required when the citizen was reached' }]
          : []),
      ]);
    }
    return this.dataSource.transaction(async (tx) => {
      const c = await this.store.get(tx, caseId);
      assertOpen(c.status);
      const dueNow = c.status === 'resolved' || (c.callbackDueAt !== null && c.status !== 'reopened');
      if (!dueNow) throw new DomainError('STATE_CONFLICT', `No callback is due on a case that is ${c.status}`);
      const decision = decideCallback(c.status, input, c.unreachedCallbacks);
      const now = this.clock.now();
      const changes: Partial<CaseEntity> = {
        unreachedCallbacks: input.reached ? c.unreachedCallbacks : c.unreachedCallbacks + 1,
      };
      if (decision.next === 'closed') Object.assign(changes, { status: nextStatus(c.status, 'close'), closedAt: now });
      if (decision.next === 'reopened') {
        Object.assign(changes, {
          status: nextStatus(c.status, 'reopen'),
          callbackDueAt: null,
          dispatchedAt: null,
          signedAt: null,
          respondedAt: null,
        });
      }
      const updated = await this.store.update(tx, c, changes);
      await tx.insert(CallbackEntity, {
        caseId,
        reached: input.reached,
        solved: input.solved ?? null,
        satisfaction: input.satisfaction ?? null,
        note: input.note ?? null,
        calledBy: actor.userId,
        calledAt: now,
      });
      if (decision.callbackDone) await this.deadlines.meet(tx, caseId, ['callback']);
      await this.events.record(tx, updated, 'callback_recorded', actor, {
        reached: input.reached,
        solved: input.solved ?? null,
        satisfaction: input.satisfaction ?? null,
        note: input.note ?? null,
        attempt: c.unreachedCallbacks + 1,
        late: c.callbackDueAt !== null && now > c.callbackDueAt,
      });
      if (decision.supervisionTrigger) {
        await this.events.record(tx, updated, 'supervision_triggered', actor, {
          trigger: 'callback_unsatisfied',
          solved: input.solved ?? null,
          satisfaction: input.satisfaction ?? null,
        });
      }
      if (decision.next === 'reopened') {
        // Back to the centre for re-dispatch: it gets a dispatch clock of its own.
        const dispatchDueAt = await this.sla.dispatchDue(c.urgency, c.categoryCode, now);
        await this.deadlines.cancel(tx, caseId, ['sign', 'response', 'resolve']);
        await this.deadlines.start(tx, { caseId, kind: 'dispatch', startsAt: now, dueAt: dispatchDueAt });
        await this.events.record(
          tx,
          updated,
          'reopened',
          actor,
          { reason: 'callback', dispatchDueAt: dispatchDueAt.toISOString() },
          { before: { status: c.status }, after: { status: updated.status } },
        );
      }
      if (decision.next === 'closed') {
        await this.deadlines.cancel(tx, caseId, ['response']);
        await this.events.record(
          tx,
          updated,
          'closed',
          actor,
          { reason: decision.closeReason },
          { before: { status: c.status }, after: { status: 'closed' } },
        );
      }
      return updated;
    });
  }

  /** 合理诉求: the centre may mark a demand unreasonable, with a reason, before the callback. */
  async markUnreasonable(caseId: string, reason: string, actor: Actor): Promise<CaseEntity> {
    return this.dataSource.transaction(async (tx) => {
      const c = await this.store.get(tx, caseId);
      assertOpen(c.status);
      if (!c.reasonable) throw new DomainError('STATE_CONFLICT', 'The demand is already marked unreasonable');
      const marked = await this.store.update(tx, c, { reasonable: false, unreasonableReason: reason });
      await this.deadlines.cancel(tx, caseId, ['callback']);
      await this.events.record(
        tx,
        marked,
        'marked_unreasonable',
        actor,
        { reason },
        { before: { reasonable: true }, after: { reasonable: false } },
      );
      return marked;
    });
  }
}
