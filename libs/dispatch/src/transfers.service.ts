import { Injectable } from '@nestjs/common';
import {
  type Actor,
  type CallEntity,
  CallsService,
  CaseCommandsService,
  CaseRegistrationService,
  CaseViewsService,
  hidesCallerFromUnits,
} from '@hotline/cases';
import { DomainError } from '@hotline/core';
import { ReferenceDataService } from '@hotline/directory';
import { DueDatesService } from '@hotline/sla';
import { DispatchMessagesService } from './dispatch-messages.service';
import { companyForUnit } from './domain/dispatch-order';
import { caseFromCall, type TransferDemand } from './domain/transfer-demand';
import type { TransferEntity } from './entities/transfer.entity';
import { TransfersRepository } from './transfers.repository';

/** 一键转接: the caller goes to a utility's own line; the utility must acknowledge in time. */
@Injectable()
export class TransfersService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly calls: CallsService,
    private readonly transfers: TransfersRepository,
    private readonly reference: ReferenceDataService,
    private readonly dueDates: DueDatesService,
    private readonly messages: DispatchMessagesService,
    private readonly caseViews: CaseViewsService,
    private readonly registration: CaseRegistrationService,
  ) {}

  /**
   * The call's case goes to the utility. A call without a case yet is registered first, from the call
   * and `demand` (its category and place; caseFromCall), so the agent transfers in one action.
   */
  async transfer(
    callId: string,
    utilityCode: string,
    summary: string | undefined,
    actor: Actor,
    demand?: TransferDemand,
  ): Promise<TransferEntity> {
    const utility = (await this.reference.snapshot()).units.get(utilityCode);
    if (utility?.kind !== 'utility' || !utility.active) {
      throw DomainError.invalidField('utilityCode', 'is not an active utility enterprise', 'not_an_active_utility');
    }
    const call = await this.calls.get(callId);
    const caseId = call.caseId ?? (await this.registerFromCall(call, summary, demand, actor));
    const { result } = await this.commands.run(caseId, actor, {
      lifecycle: 'transfer',
      decide: async (c, { next, now }) => {
        const ackDueAt = await this.dueDates.transferAckDue(c.urgency, c.categoryCode, now);
        const transfer = await this.transfers.insert({
          callId: call.id,
          caseId: c.id,
          utilityCode,
          summary: summary ?? c.description,
          ackDueAt,
          createdBy: actor.userId,
        });
        await this.calls.markTransferred(call.id, now);
        await this.messages.send(
          'transferIssued',
          [
            {
              transferId: transfer.id,
              callId: call.id,
              caseId: c.id,
              caseNumber: c.caseNumber,
              utilityCode,
              categoryCode: c.categoryCode,
              urgency: c.urgency,
              summary: transfer.summary,
              address: c.address,
              ...(hidesCallerFromUnits(c) ? {} : { callerNumber: call.callerNumber }),
              company: companyForUnit(c),
              ackDueAt: ackDueAt.toISOString(),
            },
          ],
          now,
        );
        await this.caseViews.recordSentToUnits(c.id, hidesCallerFromUnits(c) ? [] : [utilityCode]);
        return {
          update: { closedAt: now },
          clocks: [
            { cancel: ['dispatch'] },
            { start: { kind: 'transfer_ack', unitCode: utilityCode, startsAt: now, dueAt: ackDueAt } },
          ],
          events: [
            {
              name: 'transferred',
              data: { transferId: transfer.id, utilityCode, ackDueAt: ackDueAt.toISOString() },
              change: { before: { status: c.status }, after: { status: next } },
            },
          ],
          result: transfer,
        };
      },
    });
    return result;
  }

  /** The utility confirms it took the transfer (HTTP or its own system over Kafka); a repeat changes nothing. */
  async acknowledge(transferId: string, actor: Actor): Promise<TransferEntity> {
    const found = await this.transfers.find(transferId);
    // Another unit's transfer answers 404 like an unknown one, so ids do not leak.
    if (!found || (actor.role === 'handler' && actor.unitCode !== found.utilityCode)) {
      throw new DomainError('transfer.not_found', `Transfer ${transferId} not found`);
    }
    if (found.status === 'acknowledged') return found;
    const { result } = await this.commands.run(found.caseId, actor, {
      lifecycle: 'any', // the case is finished (transferred); its transfer is not
      authorizedByCaller: true, // the utility acts on its transfer, not on the case it may not see
      decide: async (_c, { now }) => {
        const transfer = (await this.transfers.lock(transferId))!;
        if (transfer.status === 'acknowledged') return { events: [], result: transfer };
        await this.transfers.acknowledge(transfer.id, now);
        await this.messages.send(
          'transferAcknowledged',
          [
            {
              transferId,
              caseId: transfer.caseId,
              utilityCode: transfer.utilityCode,
              acknowledgedAt: now.toISOString(),
            },
          ],
          now,
        );
        return {
          clocks: [{ meet: ['transfer_ack'] }],
          events: [
            {
              name: 'transfer_acknowledged',
              data: { transferId, utilityCode: transfer.utilityCode, late: now > transfer.ackDueAt },
            },
          ],
          result: { ...transfer, status: 'acknowledged' as const, acknowledgedAt: now },
        };
      },
    });
    return result;
  }

  private async registerFromCall(
    call: CallEntity,
    summary: string | undefined,
    demand: TransferDemand | undefined,
    actor: Actor,
  ): Promise<string> {
    // Nothing of the demand given: the agent meant the call's case, and there is none.
    if (!demand || Object.values(demand).every((value) => value === undefined)) {
      throw new DomainError(
        'call.not_registered',
        'Register the demand of this call, or send its category and place with the transfer',
      );
    }
    const registration = caseFromCall(call, summary, demand);
    if (Array.isArray(registration)) throw DomainError.validation(registration);
    return (await this.registration.register(registration, actor)).case.id;
  }
}
