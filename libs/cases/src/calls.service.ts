import { Injectable } from '@nestjs/common';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { ReferenceDataService, ReferenceSnapshot } from '@hotline/directory';
import { CallsRepository } from './calls.repository';
import type { Actor } from './domain/actor';
import { applyCallEvent, CallEventKind, callStatus, CallTimeline, takenByAgent } from './domain/call-events';
import { callBackDue } from './domain/abandoned-calls';
import { CALL_OUTCOMES, type CallOutcomeKind, isTargetOf } from './domain/call-outcome';
import { normalizePhone } from './domain/phone';
import { LineFacts, resolveSourceLine } from './domain/source-line';
import type { CallEntity } from './entities/call.entity';
import type { CallOutcomeEntity } from './entities/call-outcome.entity';

export interface NewCall {
  dialedNumber: string;
  callerNumber: string;
  startedAt: Date;
  overflowFrom?: string;
  /** The telephony system's id of the call: its events on `hotline.calls.v1` fold into the same row. */
  externalCallId?: string;
}

export interface NewCallOutcome {
  kind: CallOutcomeKind;
  target: string;
  note?: string;
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
    private readonly db: TransactionService,
    private readonly calls: CallsRepository,
    private readonly reference: ReferenceDataService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * An agent has the caller on the line. With the telephony system's call id, the agent's call and
   * telephony's events meet on one row whichever comes first (the same per-call lock as
   * applyTelephonyEvent; `calls.cti_call_id` is unique), and a retry answers that row again.
   */
  async take(input: NewCall, actor: Actor): Promise<CallEntity> {
    const line = resolveSourceLine(input.dialedNumber, input.overflowFrom, lineFacts(await this.reference.snapshot()));
    const callerNumber = normalizePhone(input.callerNumber) ?? input.callerNumber.replace(/[\s-]/g, '');
    if ('problems' in line) throw DomainError.validation(line.problems);
    const answeredAt = this.clock.now();
    const taken = {
      dialedNumber: input.dialedNumber,
      callerNumber,
      sourceHotlineCode: line.hotlineCode,
      overflowFrom: line.overflowFrom,
      startedAt: input.startedAt,
      ...takenByAgent(EMPTY_TIMELINE, input.startedAt, answeredAt),
      agentUserId: actor.userId,
    };
    const externalCallId = input.externalCallId;
    return this.db.run(async () => {
      // The caller got through: an earlier abandoned call of theirs needs no call back now.
      await this.calls.settleCallBacksOf(callerNumber, answeredAt);
      if (!externalCallId) return this.calls.save({ ...taken, status: 'answered' });
      const reported = await this.calls.lockByCtiId(externalCallId);
      if (!reported) return this.calls.save({ ...taken, ctiCallId: externalCallId, status: 'answered' });
      const timeline = takenByAgent(reported, input.startedAt, answeredAt);
      return this.calls.save({
        ...reported,
        ...timeline,
        status: callStatus(timeline),
        agentUserId: reported.agentUserId ?? actor.userId,
      });
    });
  }

  async get(id: string): Promise<CallEntity> {
    const call = await this.calls.find(id);
    if (!call) throw new DomainError('call.not_found', `Call ${id} not found`);
    return call;
  }

  /**
   * The call a registration names, locked until the registration's transaction ends: an unknown one
   * is the client's bad field, not a missing resource.
   */
  async forRegistration(id: string): Promise<CallEntity> {
    const call = await this.calls.lock(id);
    if (!call) throw DomainError.invalidField('callId', 'is not a known call', 'unknown_call');
    return call;
  }

  /** The case the call created or joined. */
  attachToCase(callId: string, caseId: string): Promise<void> {
    return this.calls.update(callId, { caseId });
  }

  /**
   * An emergency handed to its line, or a demand told its route elsewhere (domain/call-outcome.ts):
   * recorded on the call; the same outcome again answers the one recorded.
   */
  async recordOutcome(callId: string, outcome: NewCallOutcome, actor: Actor): Promise<CallOutcomeEntity> {
    if (!isTargetOf(outcome.kind, outcome.target)) {
      const targets = Object.keys(CALL_OUTCOMES[outcome.kind]).join(', ');
      throw DomainError.invalidField('target', `must be one of ${targets} for ${outcome.kind}`, 'not_a_target_of_kind');
    }
    const call = await this.get(callId);
    return this.calls.recordOutcome({
      callId: call.id,
      kind: outcome.kind,
      target: outcome.target,
      note: outcome.note ?? null,
      recordedBy: actor.userId,
      recordedAt: this.clock.now(),
    });
  }

  markTransferred(callId: string, at: Date): Promise<void> {
    return this.calls.update(callId, { status: 'transferred', transferredAt: at });
  }

  /**
   * Folds one telephony event into its call (created on first sight). Idempotent and order-proof:
   * see applyCallEvent. An unknown line is a VALIDATION_FAILED (the message is dead-lettered).
   */
  async applyTelephonyEvent(event: TelephonyEvent): Promise<CallEntity> {
    const line = resolveSourceLine(event.dialedNumber, event.overflowFrom, lineFacts(await this.reference.snapshot()));
    if ('problems' in line) throw DomainError.validation(line.problems);
    return this.db.run(async () => {
      const existing = await this.calls.lockByCtiId(event.ctiCallId);
      const timeline = applyCallEvent(existing ?? EMPTY_TIMELINE, event.kind, event.occurredAt);
      if (existing && timeline === existing) return existing; // nothing new: a redelivery or a late report
      const status = callStatus(timeline);
      const callerNumber = existing?.callerNumber ?? normalizePhone(event.callerNumber) ?? event.callerNumber;
      if (timeline.answeredAt && !existing?.answeredAt)
        await this.calls.settleCallBacksOf(callerNumber, timeline.answeredAt);
      return this.calls.save({
        ...(existing ?? {
          ctiCallId: event.ctiCallId,
          dialedNumber: event.dialedNumber,
          callerNumber,
          sourceHotlineCode: line.hotlineCode,
          overflowFrom: line.overflowFrom,
          startedAt: event.occurredAt,
        }),
        ...timeline,
        status,
        ...(status === 'abandoned' && !existing?.callBackDueAt && timeline.abandonedAt
          ? { callBackDueAt: callBackDue(timeline.abandonedAt, this.config.ABANDONED_CALL_BACK_MINUTES) }
          : {}),
      });
    });
  }

  /** Calls since `since` per source hotline (the live figures). */
  startedSinceByHotline(since: Date) {
    return this.calls.startedSinceByHotline(since);
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
