import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@hotline/clock';
import { DomainError } from '@hotline/core';
import { ReferenceCache, ReferenceSnapshot } from '@hotline/directory';
import type { Actor } from './domain/actor';
import { applyCallEvent, CallEventKind, callStatus, CallTimeline } from './domain/call-events';
import { normalizePhone } from './domain/phone';
import { LineFacts, resolveSourceLine } from './domain/source-line';
import { CallEntity } from './entities/call.entity';

export interface NewCall {
  dialedNumber: string;
  callerNumber: string;
  startedAt: Date;
  overflowFrom?: string;
}

export interface TelephonyEvent {
  ctiCallId: string;
  kind: CallEventKind;
  dialedNumber: string;
  callerNumber: string;
  occurredAt: Date;
  overflowFrom?: string;
}

/** Calls reaching the centre: taken by an agent (HTTP) or reported by telephony (Kafka). */
@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceCache,
    private readonly clock: Clock,
  ) {}

  /** An agent has the caller on the line. */
  async take(input: NewCall, actor: Actor): Promise<CallEntity> {
    const line = resolveSourceLine(input.dialedNumber, input.overflowFrom, lineFacts(await this.reference.snapshot()));
    const callerNumber = normalizePhone(input.callerNumber) ?? input.callerNumber.replace(/[\s-]/g, '');
    if ('problems' in line) throw DomainError.validation(line.problems);
    return this.dataSource.getRepository(CallEntity).save({
      dialedNumber: input.dialedNumber,
      callerNumber,
      sourceHotlineCode: line.hotlineCode,
      overflowFrom: line.overflowFrom,
      status: 'answered',
      startedAt: input.startedAt,
      offeredAt: input.startedAt,
      answeredAt: this.clock.now(),
      agentUserId: actor.userId,
    });
  }

  async get(tx: EntityManager, id: string): Promise<CallEntity> {
    const call = await tx.findOneBy(CallEntity, { id });
    if (!call) throw DomainError.notFound('Call', id);
    return call;
  }

  /**
   * Folds one telephony event into its call (created on first sight). Idempotent and order-proof:
   * see applyCallEvent. An unknown line is a VALIDATION_FAILED (the message is dead-lettered).
   */
  async applyTelephonyEvent(tx: EntityManager, event: TelephonyEvent): Promise<CallEntity> {
    const line = resolveSourceLine(event.dialedNumber, event.overflowFrom, lineFacts(await this.reference.snapshot()));
    if ('problems' in line) throw DomainError.validation(line.problems);
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`call:${event.ctiCallId}`]);
    const existing = await tx.findOneBy(CallEntity, { ctiCallId: event.ctiCallId });
    const timeline = applyCallEvent(existing ?? EMPTY_TIMELINE, event.kind, event.occurredAt);
    if (existing && timeline === existing) return existing; // nothing new: a redelivery or a late report
    return tx.save(CallEntity, {
      ...(existing ?? {
        ctiCallId: event.ctiCallId,
        dialedNumber: event.dialedNumber,
        callerNumber: normalizePhone(event.callerNumber) ?? event.callerNumber,
        sourceHotlineCode: line.hotlineCode,
        overflowFrom: line.overflowFrom,
        startedAt: event.occurredAt,
      }),
      ...timeline,
      status: callStatus(timeline),
    });
  }
}

const EMPTY_TIMELINE: CallTimeline = {
  offeredAt: null,
  answeredAt: null,
  endedAt: null,
  abandonedAt: null,
  transferredAt: null,
};

export function lineFacts(snapshot: ReferenceSnapshot): LineFacts {
  return { hotlineByNumber: (n) => snapshot.hotlinesByNumber.get(n), unit: (c) => snapshot.units.get(c) };
}
