import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addMs, Clock, DAY_MS } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError, FieldError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { ReferenceDataService, ReferenceSnapshot, Urgency } from '@hotline/directory';
import { DueDatesService } from '@hotline/sla';
import { CallsService } from './calls.service';
import { CaseCommandsService } from './case-commands.service';
import { CaseNumbersService } from './case-numbers.service';
import { CasesRepository } from './cases.repository';
import type { Actor } from './domain/actor';
import { formatCaseNumber } from './domain/case-number';
import type { Channel, DemandType } from './domain/case-vocabulary';
import { callerPhoneOf } from './domain/phone';
import { checkRegistrationPlace, chooseRegistration } from './domain/registration-rules';
import { type Requester, type RequesterInput, requesterOf, requesterProblems } from './domain/requester';
import type { CallEntity } from './entities/call.entity';
import type { CaseEntity } from './entities/case.entity';

export interface NewCase extends RequesterInput {
  callId?: string;
  channel: Channel;
  demandType: DemandType;
  categoryCode: string;
  urgency: Urgency;
  districtCode: string;
  streetCode?: string;
  address: string;
  callerName?: string;
  /** Required by phone; a letter, a web form or a walk-in may come without a number. */
  callerPhone?: string;
  description: string;
  confidential?: boolean;
  /** The agent decides a repeat demand is a new matter after all. */
  forceNew?: boolean;
  /**
   * A demand left at the after-hours desk (docs/product.md, "After-hours answers"): waits for the next
   * working day's agents, so its dispatch clock starts at the centre's next working hour.
   */
  waitsForOfficeHours?: boolean;
}

export interface Registration {
  case: CaseEntity;
  /** Set when the demand joined an open case of the same caller instead of creating one. */
  repeatOf: string | null;
  /** True when the call had been registered already: the answer is its case, unchanged. */
  existing: boolean;
}

/** A demand as registration keeps it: the caller's phone normalised, the requester resolved. */
type Demand = Omit<NewCase, keyof Requester | 'callerPhone'> & Requester & { callerPhone: string | null };

/**
 * Registers demands (POST /cases), attaching repeat calls to the caller's open case (并单); a call
 * that has a case already answers that case (a call creates at most one).
 */
@Injectable()
export class CaseRegistrationService {
  constructor(
    private readonly db: TransactionService,
    private readonly commands: CaseCommandsService,
    private readonly cases: CasesRepository,
    private readonly calls: CallsService,
    private readonly numbers: CaseNumbersService,
    private readonly reference: ReferenceDataService,
    private readonly dueDates: DueDatesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async register(input: NewCase, actor: Actor): Promise<Registration> {
    const snapshot = await this.reference.snapshot();
    const caller = callerPhoneOf(input.channel, input.callerPhone);
    const problems: FieldError[] = [
      ...('field' in caller ? [caller] : []),
      ...checkRegistrationPlace(input, {
        category: (code) => snapshot.categories.get(code),
        unit: (code) => snapshot.units.get(code),
      }),
      ...requesterProblems(input),
    ];
    if ('field' in caller || problems.length > 0) throw DomainError.validation(problems);
    const demand: Demand = { ...input, callerPhone: caller.phone, ...requesterOf(input) };

    return this.db.run(async (): Promise<Registration> => {
      // The call's lock: a retry of the same registration waits here and then sees the case it made.
      const call = input.callId ? await this.calls.forRegistration(input.callId) : null;
      // Without a number there is no caller to recognise: such a demand is never a repeat.
      const open = demand.callerPhone === null ? null : await this.openCaseOfCaller(demand, demand.callerPhone);
      const choice = chooseRegistration({
        callCaseId: call?.caseId ?? null,
        openCaseId: open?.id ?? null,
        forceNew: input.forceNew ?? false,
      });
      switch (choice.kind) {
        case 'existing': {
          const registered = await this.cases.get(choice.caseId);
          return { case: registered, repeatOf: registered.repeatOf, existing: true };
        }
        case 'merge':
          return { case: await this.attachRepeat(open!, call, demand, actor), repeatOf: open!.id, existing: false };
        case 'create': {
          const created = await this.create(snapshot, demand, call, open, actor);
          return { case: created, repeatOf: created.repeatOf, existing: false };
        }
      }
    });
  }

  /** The caller's open case of the same matter, under the caller's lock until the transaction ends. */
  private async openCaseOfCaller(demand: Demand, callerPhone: string): Promise<CaseEntity | null> {
    // One registration at a time per caller, so two calls at once cannot both open a case.
    await this.cases.lockCaller(callerPhone);
    return this.cases.findOpenOfCaller({
      callerPhone,
      categoryCode: demand.categoryCode,
      districtCode: demand.districtCode,
      streetCode: demand.streetCode ?? null,
      requesterKind: demand.requesterKind,
      companyCreditCode: demand.company?.creditCode ?? null,
      sensitive: demand.sensitive,
      since: addMs(this.clock.now(), -this.config.REPEAT_WINDOW_DAYS * DAY_MS),
    });
  }

  private async create(
    snapshot: ReferenceSnapshot,
    input: Demand,
    call: CallEntity | null,
    repeats: CaseEntity | null,
    actor: Actor,
  ): Promise<CaseEntity> {
    const registeredAt = this.clock.now();
    const clockStartsAt = input.waitsForOfficeHours ? await this.dueDates.nextWorkingHour(registeredAt) : registeredAt;
    const hotline = call ? snapshot.hotlines.get(call.sourceHotlineCode) : snapshot.primaryHotline;
    const row: CaseEntity = {
      id: randomUUID(),
      caseNumber: formatCaseNumber(registeredAt, await this.numbers.next()),
      status: 'registered',
      version: 1,
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
      requesterKind: input.requesterKind,
      companyName: input.company?.name ?? null,
      companyCreditCode: input.company?.creditCode ?? null,
      sensitive: input.sensitive,
      reasonable: true,
      sourceHotlineCode: call?.sourceHotlineCode ?? snapshot.primaryHotline.code,
      sourceHotlineNumber: hotline?.number ?? call?.dialedNumber ?? null,
      overflowFrom: call?.overflowFrom ?? null,
      callId: call?.id ?? null,
      firstCall: repeats === null,
      repeatOf: repeats?.id ?? null,
      repeatCount: 0,
      leadUnitCode: null,
      coUnitCodes: [],
      coReportDue: {},
      forwardedToUnitCode: null,
      unitCodes: [],
      registeredAt,
      registeredBy: actor.userId,
      dispatchCount: 0,
      firstDispatchedAt: null,
      firstDispatchReturned: false,
      dispatchedAt: null,
      signedAt: null,
      respondedAt: null,
      resolvedAt: null,
      resultSubmittedAt: null,
      resolutionOutcome: null,
      resolutionReply: null,
      unreachedCallbacks: 0,
      unreasonableReason: null,
      closedAt: null,
      dispatchDueAt: await this.dueDates.dispatchDue(input.urgency, input.categoryCode, clockStartsAt),
      signDueAt: null,
      responseDueAt: null,
      resolveDueAt: null,
      callbackDueAt: null,
      updatedAt: registeredAt,
    };
    await this.commands.open(row, actor, {
      clocks: [{ start: { kind: 'dispatch', startsAt: clockStartsAt, dueAt: row.dispatchDueAt } }],
      events: [
        {
          name: 'registered',
          data: {
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
            // The kind, never the company: this event goes to the shared hotline.cases.v1 (docs/events.md).
            requesterKind: row.requesterKind,
            sensitive: row.sensitive,
            deadlines: { dispatch: row.dispatchDueAt.toISOString() },
          },
        },
      ],
    });
    if (call) await this.calls.attachToCase(call.id, row.id);
    return row;
  }

  /** 并单: the call joins the open case's timeline; the 2nd repeat triggers supervision. */
  private async attachRepeat(open: CaseEntity, call: CallEntity | null, input: Demand, actor: Actor) {
    const { case: updated } = await this.commands.run(open.id, actor, {
      lifecycle: 'open',
      decide: (c) => {
        const repeatCount = c.repeatCount + 1;
        return {
          update: { repeatCount },
          events: [
            {
              name: 'merged',
              data: { callId: call?.id ?? null, channel: input.channel, repeatCount, description: input.description },
            },
            ...(repeatCount === 2
              ? [{ name: 'supervision_triggered' as const, data: { trigger: 'repeat_call', repeatCount } }]
              : []),
          ],
        };
      },
    });
    if (call) await this.calls.attachToCase(call.id, open.id);
    return updated;
  }
}
