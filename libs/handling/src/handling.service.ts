import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addMs, Clock, HOUR_MS } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import {
  Actor,
  assertOpen,
  CaseAssignmentEntity,
  CaseEntity,
  CaseEventRecorder,
  CaseScope,
  CaseStore,
  nextStatus,
  ResolutionOutcome,
} from '@hotline/cases';
import { DISPATCH_EVENT_TYPES, OrderCompletedData } from '@hotline/dispatch';
import { createCloudEvent, OutboxWriter, TOPICS } from '@hotline/messaging';
import { DeadlineBook, SlaClock } from '@hotline/sla';
import { CaseExtensionEntity } from './entities/case-extension.entity';

/**
 * What handling units do with their cases (SPEC §4, §7): sign, respond (first contact), ask for an
 * extension, resolve; co-handlers sign their order and report their part. The same service serves
 * the api and units' own systems over Kafka, with the same rules: the actor's unit must hold an
 * active order for the case, the case must be in the right state, and of two concurrent actions
 * exactly one wins.
 */
@Injectable()
export class HandlingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly scope: CaseScope,
    private readonly events: CaseEventRecorder,
    private readonly deadlines: DeadlineBook,
    private readonly sla: SlaClock,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  run<T>(tx: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return tx ? work(tx) : this.dataSource.transaction(work);
  }

  /** 签收. The lead's signature moves the case to `signed`; a co-handler signs its own order. */
  sign(caseId: string, actor: Actor, tx?: EntityManager): Promise<CaseEntity> {
    return this.run(tx, async (t) => {
      const { c, order } = await this.load(t, caseId, actor);
      if (order.role === 'co') {
        if (order.signedAt) throw new DomainError('STATE_CONFLICT', 'This order is already signed');
        await t.update(CaseAssignmentEntity, { id: order.id }, { signedAt: this.clock.now() });
        await this.events.record(t, c, 'co_signed', actor, { orderId: order.id });
        return c;
      }
      const status = nextStatus(c.status, 'sign');
      const signed = await this.store.update(t, c, { status, signedAt: this.clock.now() });
      await t.update(CaseAssignmentEntity, { id: order.id }, { signedAt: signed.signedAt });
      await this.deadlines.meet(t, c.id, ['sign']);
      await this.events.record(
        t,
        signed,
        'signed',
        actor,
        { orderId: order.id },
        { before: { status: c.status }, after: { status } },
      );
      return signed;
    });
  }

  /** 响应: the lead unit's first contact with the citizen. */
  respond(caseId: string, note: string, actor: Actor, tx?: EntityManager): Promise<CaseEntity> {
    return this.run(tx, async (t) => {
      const { c } = await this.load(t, caseId, actor, 'lead');
      if (c.status !== 'dispatched' && c.status !== 'signed') {
        throw new DomainError('STATE_CONFLICT', `Cannot respond on a case that is ${c.status}`);
      }
      if (c.respondedAt)
        throw new DomainError('STATE_CONFLICT', 'The citizen was already contacted (first response recorded)');
      const respondedAt = this.clock.now();
      const responded = await this.store.update(t, c, { respondedAt });
      await this.deadlines.meet(t, c.id, ['response']);
      await this.events.record(t, responded, 'responded', actor, {
        note,
        late: c.responseDueAt !== null && respondedAt > c.responseDueAt,
      });
      return responded;
    });
  }

  /** A co-handler posts its part; only the lead resolves. */
  reportPart(caseId: string, note: string, actor: Actor): Promise<CaseEntity> {
    return this.run(undefined, async (t) => {
      const { c, order } = await this.load(t, caseId, actor, 'co');
      await this.events.record(t, c, 'co_handler_reported', actor, { orderId: order.id, note });
      return c;
    });
  }

  requestExtension(
    caseId: string,
    hours: number,
    reason: string,
    actor: Actor,
    tx?: EntityManager,
  ): Promise<CaseExtensionEntity> {
    return this.run(tx, async (t) => {
      const { c } = await this.load(t, caseId, actor, 'lead');
      if (c.status !== 'dispatched' && c.status !== 'signed') {
        throw new DomainError('STATE_CONFLICT', `Cannot ask to extend a case that is ${c.status}`);
      }
      const pending = await t.findOneBy(CaseExtensionEntity, { caseId, status: 'pending' });
      if (pending) throw new DomainError('STATE_CONFLICT', 'An extension request is already waiting for review');
      // Touch the case so a concurrent action conflicts instead of interleaving.
      const touched = await this.store.update(t, c, {});
      const request = await t.save(
        t.create(CaseExtensionEntity, {
          caseId,
          unitCode: actor.unitCode!,
          hours,
          reason,
          requestedBy: actor.userId,
          requestedAt: this.clock.now(),
        }),
      );
      await this.events.record(t, touched, 'extension_requested', actor, { extensionId: request.id, hours, reason });
      return request;
    });
  }

  /** Approved: the resolve deadline moves by the hours asked; every deadline change is an event with its reason. */
  reviewExtension(caseId: string, extensionId: string, approve: boolean, actor: Actor): Promise<CaseEntity> {
    return this.run(undefined, async (t) => {
      const request = await t.findOneBy(CaseExtensionEntity, { id: extensionId, caseId });
      if (!request) throw DomainError.notFound('Extension request', extensionId);
      if (request.status !== 'pending')
        throw new DomainError('STATE_CONFLICT', `This extension was already ${request.status}`);
      const c = await this.store.get(t, caseId);
      assertOpen(c.status);
      await t.update(
        CaseExtensionEntity,
        { id: request.id },
        { status: approve ? 'approved' : 'rejected', reviewedBy: actor.userId, reviewedAt: this.clock.now() },
      );
      if (!approve || !c.resolveDueAt) {
        const touched = await this.store.update(t, c, {});
        await this.events.record(t, touched, 'extension_reviewed', actor, { extensionId, approved: approve });
        return touched;
      }
      const resolveDueAt = addMs(c.resolveDueAt, request.hours * HOUR_MS);
      const moved = await this.store.update(t, c, { resolveDueAt });
      await this.deadlines.start(t, {
        caseId,
        kind: 'resolve',
        unitCode: c.leadUnitCode,
        startsAt: c.dispatchedAt ?? this.clock.now(),
        dueAt: resolveDueAt,
      });
      await this.events.record(t, moved, 'extension_reviewed', actor, {
        extensionId,
        approved: true,
        hours: request.hours,
      });
      await this.events.record(
        t,
        moved,
        'deadline_changed',
        actor,
        { deadline: 'resolve', reason: `extension approved: ${request.reason}`, extensionId },
        { before: { resolveDueAt: c.resolveDueAt.toISOString() }, after: { resolveDueAt: resolveDueAt.toISOString() } },
      );
      return moved;
    });
  }

  /** 办结: the lead submits the result; the callback clock starts and the orders are completed. */
  resolve(
    caseId: string,
    outcome: ResolutionOutcome,
    reply: string,
    actor: Actor,
    tx?: EntityManager,
  ): Promise<CaseEntity> {
    return this.run(tx, async (t) => {
      const { c } = await this.load(t, caseId, actor, 'lead');
      const status = nextStatus(c.status, 'resolve');
      const resolvedAt = this.clock.now();
      const callbackDueAt = await this.sla.callbackDue(c.urgency, c.categoryCode, resolvedAt);
      const resolved = await this.store.update(t, c, {
        status,
        resolvedAt,
        resolutionOutcome: outcome,
        resolutionReply: reply,
        callbackDueAt,
      });
      await this.deadlines.meet(t, c.id, ['resolve']);
      if (c.reasonable)
        await this.deadlines.start(t, { caseId: c.id, kind: 'callback', startsAt: resolvedAt, dueAt: callbackDueAt });
      await this.events.record(
        t,
        resolved,
        'resolved',
        actor,
        {
          outcome,
          reply,
          late: c.resolveDueAt ? resolvedAt > c.resolveDueAt : false,
          callbackDueAt: callbackDueAt.toISOString(),
        },
        { before: { status: c.status }, after: { status } },
        resolvedAt,
      );
      await this.completeOrders(t, c.id);
      return resolved;
    });
  }

  private async completeOrders(tx: EntityManager, caseId: string): Promise<void> {
    const active = await tx.findBy(CaseAssignmentEntity, { caseId, status: 'active' });
    await tx.update(CaseAssignmentEntity, { caseId, status: 'active' }, { status: 'completed' });
    await this.outbox.append(
      tx,
      active.map((order) => {
        const data: OrderCompletedData = { orderId: order.id, caseId, unitCode: order.unitCode };
        const event = createCloudEvent({
          type: DISPATCH_EVENT_TYPES.orderCompleted,
          source: this.config.EVENT_SOURCE,
          subject: caseId,
          time: this.clock.now(),
          data,
        });
        return { topic: TOPICS.dispatch, key: order.unitCode, event };
      }),
    );
  }

  /**
   * The case and the actor's active order on it. Another unit's case is a 404 (ids do not leak);
   * a unit on the case in the wrong role is a 403.
   */
  private async load(
    tx: EntityManager,
    caseId: string,
    actor: Actor,
    role?: 'lead' | 'co',
  ): Promise<{ c: CaseEntity; order: CaseAssignmentEntity }> {
    const c = await this.store.get(tx, caseId);
    await this.scope.assertVisible(tx, c, actor);
    assertOpen(c.status);
    const order = await tx.findOneBy(CaseAssignmentEntity, {
      caseId,
      unitCode: actor.unitCode ?? '',
      status: 'active',
    });
    if (!order) throw new DomainError('FORBIDDEN', 'Your unit holds no active order for this case');
    if (role && order.role !== role)
      throw new DomainError(
        'FORBIDDEN',
        role === 'lead' ? 'Only the lead unit may do this' : 'Only a co-handler may do this',
      );
    return { c, order };
  }
}
