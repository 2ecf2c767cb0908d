import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import {
  Actor,
  CaseAssignmentEntity,
  CaseEntity,
  CaseEventRecorder,
  CaseScope,
  CaseStore,
  nextStatus,
  ReturnReason,
  statusAfterRejectedReturn,
} from '@hotline/cases';
import { createCloudEvent, OutboxWriter, TOPICS } from '@hotline/messaging';
import { DeadlineBook } from '@hotline/sla';
import { CaseReturnEntity } from './entities/case-return.entity';
import { DISPATCH_EVENT_TYPES, OrderCancelledData } from './events/dispatch-events';

export interface ReturnRequest {
  reasonCode: ReturnReason;
  reason: string;
}

/** 退单 / 改派 (SPEC §4): the lead unit asks to give a case back; a supervisor decides. */
@Injectable()
export class ReturnsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly scope: CaseScope,
    private readonly events: CaseEventRecorder,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
    private readonly deadlines: DeadlineBook,
    private readonly clock: Clock,
  ) {}

  async request(
    caseId: string,
    request: ReturnRequest,
    actor: Actor,
    outer?: EntityManager,
  ): Promise<CaseReturnEntity> {
    const work = async (tx: EntityManager) => {
      const c = await this.store.get(tx, caseId);
      await this.scope.assertVisible(tx, c, actor);
      if (!actor.unitCode || actor.unitCode !== c.leadUnitCode) {
        throw new DomainError('FORBIDDEN', 'Only the lead unit may return a case');
      }
      const unitCode = actor.unitCode;
      const status = nextStatus(c.status, 'request_return');
      const requested = await this.store.update(tx, c, { status });
      const row = await tx.save(
        tx.create(CaseReturnEntity, {
          caseId: c.id,
          unitCode,
          dispatchNo: c.dispatchCount,
          reasonCode: request.reasonCode,
          reason: request.reason,
          askedFrom: c.status,
          requestedBy: actor.userId,
          requestedAt: this.clock.now(),
        }),
      );
      await this.events.record(
        tx,
        requested,
        'return_requested',
        actor,
        { returnId: row.id, dispatchNo: row.dispatchNo, reasonCode: request.reasonCode, reason: request.reason },
        { before: { status: c.status }, after: { status } },
      );
      return row;
    };
    return outer ? work(outer) : this.dataSource.transaction(work);
  }

  /**
   * Approved: every active order is cancelled (the units hear it through Kafka), the case goes back
   * to `registered` for re-dispatch, and a returned first dispatch counts as inaccurate.
   * Rejected: the case goes back to where the unit asked from.
   */
  async review(
    caseId: string,
    returnId: string,
    approve: boolean,
    note: string | undefined,
    actor: Actor,
  ): Promise<CaseEntity> {
    return this.dataSource.transaction(async (tx) => {
      const request = await tx.findOneBy(CaseReturnEntity, { id: returnId, caseId });
      if (!request) throw DomainError.notFound('Return request', returnId);
      if (request.status !== 'pending')
        throw new DomainError('STATE_CONFLICT', `This return was already ${request.status}`);
      const c = await this.store.get(tx, caseId);
      const now = this.clock.now();
      const reviewed = approve
        ? await this.store.update(tx, c, {
            status: nextStatus(c.status, 'approve_return'),
            leadUnitCode: null,
            coUnitCodes: [],
            dispatchedAt: null,
            signDueAt: null,
            responseDueAt: null,
            resolveDueAt: null,
            firstDispatchReturned: c.firstDispatchReturned || request.dispatchNo === 1,
          })
        : await this.store.update(tx, c, { status: statusAfterRejectedReturn(c.status, request.askedFrom) });
      await tx.update(
        CaseReturnEntity,
        { id: request.id },
        {
          status: approve ? 'approved' : 'rejected',
          reviewedBy: actor.userId,
          reviewedAt: now,
          reviewNote: note ?? null,
        },
      );
      await this.events.record(
        tx,
        reviewed,
        'return_reviewed',
        actor,
        { returnId, approved: approve, note: note ?? null, unitCode: request.unitCode, dispatchNo: request.dispatchNo },
        {
          before: { status: c.status, leadUnitCode: c.leadUnitCode },
          after: { status: reviewed.status, leadUnitCode: reviewed.leadUnitCode },
        },
        now,
      );
      if (approve) {
        await this.cancelOrders(tx, c, now);
        await this.deadlines.cancel(tx, c.id, ['sign', 'response', 'resolve']);
      }
      return reviewed;
    });
  }

  private async cancelOrders(tx: EntityManager, c: CaseEntity, now: Date): Promise<void> {
    const active = await tx.findBy(CaseAssignmentEntity, { caseId: c.id, status: 'active' });
    if (active.length === 0) return;
    await tx.update(
      CaseAssignmentEntity,
      { caseId: c.id, status: 'active' },
      { status: 'cancelled', cancelledAt: now },
    );
    await this.outbox.append(
      tx,
      active.map((order) => {
        const data: OrderCancelledData = {
          orderId: order.id,
          caseId: c.id,
          unitCode: order.unitCode,
          reason: 'return approved',
        };
        const event = createCloudEvent({
          type: DISPATCH_EVENT_TYPES.orderCancelled,
          source: this.config.EVENT_SOURCE,
          subject: c.id,
          time: now,
          data,
        });
        return { topic: TOPICS.dispatch, key: order.unitCode, event };
      }),
    );
  }
}
