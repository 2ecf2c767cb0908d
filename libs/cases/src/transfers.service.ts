import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { ReferenceCache } from '@hotline/directory';
import { createCloudEvent, OutboxWriter, TOPICS } from '@hotline/messaging';
import { DeadlineBook, SlaClock } from '@hotline/sla';
import { CaseEventRecorder } from './case-event-recorder';
import { CaseStore } from './case-store';
import type { Actor } from './domain/actor';
import { nextStatus } from './domain/case-lifecycle';
import { CallEntity } from './entities/call.entity';
import { TransferEntity } from './entities/transfer.entity';
import { TRANSFER_ORDER_ACKNOWLEDGED, TRANSFER_ORDER_ISSUED } from './events/transfer-events';

/** 一键转接: the caller goes to a utility's own line; the utility must acknowledge in time. */
@Injectable()
export class TransfersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceCache,
    private readonly sla: SlaClock,
    private readonly store: CaseStore,
    private readonly events: CaseEventRecorder,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
    private readonly deadlines: DeadlineBook,
    private readonly clock: Clock,
  ) {}

  async transfer(
    callId: string,
    utilityCode: string,
    summary: string | undefined,
    actor: Actor,
  ): Promise<TransferEntity> {
    const utility = (await this.reference.snapshot()).units.get(utilityCode);
    if (utility?.kind !== 'utility' || !utility.active) {
      throw DomainError.invalidField('utilityCode', 'is not an active utility enterprise');
    }
    return this.dataSource.transaction(async (tx) => {
      const call = await tx.findOneBy(CallEntity, { id: callId });
      if (!call) throw DomainError.notFound('Call', callId);
      if (!call.caseId)
        throw new DomainError('STATE_CONFLICT', 'Register the demand of this call before transferring it');
      const current = await this.store.get(tx, call.caseId);
      const status = nextStatus(current.status, 'transfer');
      const now = this.clock.now();
      const transferred = await this.store.update(tx, current, { status, closedAt: now });
      const transfer = await tx.save(TransferEntity, {
        callId: call.id,
        caseId: current.id,
        utilityCode,
        summary: summary ?? current.description,
        ackDueAt: await this.sla.transferAckDue(current.urgency, current.categoryCode, now),
        createdBy: actor.userId,
      });
      await tx.update(CallEntity, { id: call.id }, { status: 'transferred', transferredAt: now });
      await this.deadlines.cancel(tx, current.id, ['dispatch']);
      await this.deadlines.start(tx, {
        caseId: current.id,
        kind: 'transfer_ack',
        unitCode: utilityCode,
        startsAt: now,
        dueAt: transfer.ackDueAt,
      });
      await this.events.record(
        tx,
        transferred,
        'transferred',
        actor,
        { transferId: transfer.id, utilityCode, ackDueAt: transfer.ackDueAt.toISOString() },
        { before: { status: current.status }, after: { status } },
      );
      const order = createCloudEvent({
        type: TRANSFER_ORDER_ISSUED,
        source: this.config.EVENT_SOURCE,
        subject: current.id,
        time: now,
        data: {
          transferId: transfer.id,
          callId: call.id,
          caseId: current.id,
          caseNumber: current.caseNumber,
          utilityCode,
          categoryCode: current.categoryCode,
          urgency: current.urgency,
          summary: transfer.summary,
          address: current.address,
          // The caller is put through to the utility, who must be able to call back.
          callerNumber: call.callerNumber,
          ackDueAt: transfer.ackDueAt.toISOString(),
        },
      });
      await this.outbox.append(tx, [{ topic: TOPICS.dispatch, key: utilityCode, event: order }]);
      return transfer;
    });
  }

  /** The utility confirms it took the transfer (HTTP or its own system over Kafka). */
  async acknowledge(tx: EntityManager, transferId: string, actor: Actor): Promise<TransferEntity> {
    const transfer = await tx.findOneBy(TransferEntity, { id: transferId });
    // Another unit's transfer answers 404 like an unknown one, so ids do not leak.
    if (!transfer || (actor.role === 'handler' && actor.unitCode !== transfer.utilityCode)) {
      throw DomainError.notFound('Transfer', transferId);
    }
    if (transfer.status === 'acknowledged') return transfer;
    const acknowledgedAt = this.clock.now();
    await tx.update(TransferEntity, { id: transfer.id }, { status: 'acknowledged', acknowledgedAt });
    await this.deadlines.meet(tx, transfer.caseId, ['transfer_ack']);
    const current = await this.store.get(tx, transfer.caseId);
    await this.events.record(tx, current, 'transfer_acknowledged', actor, {
      transferId,
      utilityCode: transfer.utilityCode,
      late: acknowledgedAt > transfer.ackDueAt,
    });
    const acknowledged = createCloudEvent({
      type: TRANSFER_ORDER_ACKNOWLEDGED,
      source: this.config.EVENT_SOURCE,
      subject: transfer.caseId,
      time: acknowledgedAt,
      data: {
        transferId,
        caseId: transfer.caseId,
        utilityCode: transfer.utilityCode,
        acknowledgedAt: acknowledgedAt.toISOString(),
      },
    });
    await this.outbox.append(tx, [{ topic: TOPICS.dispatch, key: transfer.utilityCode, event: acknowledged }]);
    return { ...transfer, status: 'acknowledged', acknowledgedAt };
  }

  acknowledgeNow(transferId: string, actor: Actor): Promise<TransferEntity> {
    return this.dataSource.transaction((tx) => this.acknowledge(tx, transferId, actor));
  }
}
