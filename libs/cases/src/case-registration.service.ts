import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addMs, Clock, DAY_MS } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError, FieldError } from '@hotline/core';
import { ReferenceCache, ReferenceSnapshot, Urgency } from '@hotline/directory';
import { DeadlineBook, SlaClock } from '@hotline/sla';
import { CaseEventRecorder } from './case-event-recorder';
import { CaseNumberAllocator } from './case-number-allocator';
import { CaseStore } from './case-store';
import type { Actor } from './domain/actor';
import { formatCaseNumber } from './domain/case-number';
import { Channel, DemandType, FINISHED_STATUSES } from './domain/case-vocabulary';
import { normalizePhone } from './domain/phone';
import { checkRegistrationPlace } from './domain/registration-rules';
import { CallEntity } from './entities/call.entity';
import { CaseEntity } from './entities/case.entity';

export interface NewCase {
  callId?: string;
  channel: Channel;
  demandType: DemandType;
  categoryCode: string;
  urgency: Urgency;
  districtCode: string;
  streetCode?: string;
  address: string;
  callerName?: string;
  callerPhone: string;
  description: string;
  confidential?: boolean;
  /** The agent decides a repeat demand is a new matter after all. */
  forceNew?: boolean;
}

export interface Registration {
  case: CaseEntity;
  /** Set when the demand joined an open case of the same caller instead of creating one. */
  repeatOf: string | null;
}

/** Registers demands (SPEC §7 POST /cases), attaching repeat calls to the caller's open case. */
@Injectable()
export class CaseRegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceCache,
    private readonly sla: SlaClock,
    private readonly store: CaseStore,
    private readonly events: CaseEventRecorder,
    private readonly config: AppConfig,
    private readonly numbers: CaseNumberAllocator,
    private readonly deadlines: DeadlineBook,
    private readonly clock: Clock,
  ) {}

  async register(input: NewCase, actor: Actor): Promise<Registration> {
    const snapshot = await this.reference.snapshot();
    const callerPhone = normalizePhone(input.callerPhone);
    const problems: FieldError[] = checkRegistrationPlace(input, {
      category: (code) => snapshot.categories.get(code),
      unit: (code) => snapshot.units.get(code),
    });
    if (!callerPhone)
      problems.unshift({ field: 'callerPhone', message: 'must be a mainland mobile or landline number' });
    if (problems.length > 0) throw DomainError.validation(problems);

    return this.dataSource.transaction(async (tx) => {
      const call = input.callId ? await this.findCall(tx, input.callId) : null;
      // One registration at a time per caller, so two calls at once cannot both open a case.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`caller:${callerPhone}`]);
      const open = await this.findOpenCaseOfCaller(tx, { ...input, callerPhone: callerPhone! });
      if (open && !input.forceNew)
        return { case: await this.attachRepeat(tx, open, call, input, actor), repeatOf: open.id };
      const created = await this.create(tx, snapshot, { ...input, callerPhone: callerPhone! }, call, open, actor);
      return { case: created, repeatOf: created.repeatOf };
    });
  }

  private async create(
    tx: EntityManager,
    snapshot: ReferenceSnapshot,
    input: NewCase,
    call: CallEntity | null,
    repeats: CaseEntity | null,
    actor: Actor,
  ): Promise<CaseEntity> {
    const registeredAt = this.clock.now();
    const sequence = await this.numbers.next(tx);
    const hotline = call ? snapshot.hotlines.get(call.sourceHotlineCode) : snapshot.primaryHotline;
    const row = tx.create(CaseEntity, {
      id: randomUUID(),
      caseNumber: formatCaseNumber(registeredAt, sequence),
      status: 'registered',
      channel: input.channel,
      demandType: input.demandType,
      categoryCode: input.categoryCode,
      urgency: input.urgency,
      districtCode: input.districtCode,
      streetCode: input.streetCode ?? null,
      address: input.address,
      callerName: input.callerName ?? null,
      callerPhone: input.callerPhone,
      description: input.description,
      confidential: input.confidential ?? false,
      sourceHotlineCode: call?.sourceHotlineCode ?? snapshot.primaryHotline.code,
      sourceHotlineNumber: hotline?.number ?? call?.dialedNumber ?? null,
      overflowFrom: call?.overflowFrom ?? null,
      callId: call?.id ?? null,
      firstCall: repeats === null,
      repeatOf: repeats?.id ?? null,
      registeredAt,
      registeredBy: actor.userId,
      version: 1,
      reasonable: true,
      repeatCount: 0,
      leadUnitCode: null,
      coUnitCodes: [],
      dispatchCount: 0,
      firstDispatchedAt: null,
      firstDispatchReturned: false,
      dispatchedAt: null,
      closedAt: null,
      signDueAt: null,
      responseDueAt: null,
      resolveDueAt: null,
      callbackDueAt: null,
      dispatchDueAt: await this.sla.dispatchDue(input.urgency, input.categoryCode, registeredAt),
    });
    await tx.insert(CaseEntity, row);
    await this.deadlines.start(tx, {
      caseId: row.id,
      kind: 'dispatch',
      startsAt: registeredAt,
      dueAt: row.dispatchDueAt,
    });
    if (call) await tx.update(CallEntity, { id: call.id }, { caseId: row.id });
    await this.events.record(
      tx,
      row,
      'registered',
      actor,
      {
        channel: row.channel,
        demandType: row.demandType,
        categoryCode: row.categoryCode,
        urgency: row.urgency,
        districtCode: row.districtCode,
        streetCode: row.streetCode,
        sourceHotline: row.sourceHotlineCode,
        overflowFrom: row.overflowFrom,
        callId: row.callId,
        firstCall: row.firstCall,
        repeatOf: row.repeatOf,
        confidential: row.confidential,
        deadlines: { dispatch: row.dispatchDueAt.toISOString() },
      },
      {},
      registeredAt,
    );
    return row;
  }

  /** 并单: the call joins the open case's timeline; the 2nd repeat triggers supervision. */
  private async attachRepeat(
    tx: EntityManager,
    open: CaseEntity,
    call: CallEntity | null,
    input: NewCase,
    actor: Actor,
  ): Promise<CaseEntity> {
    const updated = await this.store.update(tx, open, { repeatCount: open.repeatCount + 1 });
    if (call) await tx.update(CallEntity, { id: call.id }, { caseId: open.id });
    await this.events.record(tx, updated, 'merged', actor, {
      callId: call?.id ?? null,
      channel: input.channel,
      repeatCount: updated.repeatCount,
      description: input.description,
    });
    if (updated.repeatCount === 2) {
      await this.events.record(tx, updated, 'supervision_triggered', actor, {
        trigger: 'repeat_call',
        repeatCount: updated.repeatCount,
      });
    }
    return updated;
  }

  private async findCall(tx: EntityManager, callId: string): Promise<CallEntity> {
    const call = await tx.findOneBy(CallEntity, { id: callId });
    if (!call) throw DomainError.invalidField('callId', 'is not a known call');
    return call;
  }

  /** The caller's open case on the same matter: same category and place, within the window. */
  private findOpenCaseOfCaller(tx: EntityManager, input: NewCase): Promise<CaseEntity | null> {
    return tx
      .createQueryBuilder(CaseEntity, 'c')
      .where('c.callerPhone = :phone AND c.categoryCode = :category AND c.districtCode = :district', {
        phone: input.callerPhone,
        category: input.categoryCode,
        district: input.districtCode,
      })
      .andWhere('c.streetCode IS NOT DISTINCT FROM :street', { street: input.streetCode ?? null })
      .andWhere('c.status NOT IN (:...finished)', { finished: FINISHED_STATUSES })
      .andWhere('c.registeredAt >= :since', {
        since: addMs(this.clock.now(), -this.config.REPEAT_WINDOW_DAYS * DAY_MS),
      })
      .orderBy('c.registeredAt', 'DESC')
      .getOne();
  }
}
