import { Injectable } from '@nestjs/common';
import { type Actor, CaseCommandsService, type CaseEntity, nextStatus, type ReturnReason } from '@hotline/cases';
import { DomainError } from '@hotline/core';
import { ORDER_CLOCKS } from '@hotline/sla';
import type { CaseReturnEntity } from './entities/case-return.entity';
import { OrdersService } from './orders.service';
import { ReturnsRepository } from './returns.repository';

export interface ReturnRequest {
  /** The kind of reason; a unit that gives none is read as `other` (its words still say why). */
  reasonCode?: ReturnReason;
  reason: string;
}

/** 退单 / 改派 (docs/product.md, "Lifecycle"): the lead unit asks to give a case back; a supervisor decides. */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly returns: ReturnsRepository,
    private readonly orders: OrdersService,
  ) {}

  async request(caseId: string, request: ReturnRequest, actor: Actor): Promise<CaseReturnEntity> {
    const { result } = await this.commands.run(caseId, actor, {
      lifecycle: 'request_return',
      authorize: (c) => {
        if (!actor.unitCode || actor.unitCode !== c.leadUnitCode) {
          throw new DomainError('order.lead_only', 'Only the lead unit may return a case');
        }
        return actor.unitCode;
      },
      decide: async (c, { next, now, authorized: unitCode }) => {
        const reasonCode = request.reasonCode ?? 'other';
        const row = await this.returns.insert({
          caseId: c.id,
          unitCode,
          dispatchNo: c.dispatchCount,
          reasonCode,
          reason: request.reason,
          askedFrom: c.status,
          requestedBy: actor.userId,
          requestedAt: now,
        });
        return {
          events: [
            {
              name: 'return_requested',
              data: {
                returnId: row.id,
                dispatchNo: row.dispatchNo,
                reasonCode,
                reason: request.reason,
              },
              change: { before: { status: c.status }, after: { status: next } },
            },
          ],
          result: row,
        };
      },
    });
    return result;
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
    const { case: reviewed } = await this.commands.run(caseId, actor, {
      lifecycle: 'any',
      decide: async (c, { now }) => {
        const request = await this.returns.find(returnId, caseId);
        if (!request) throw new DomainError('return.not_found', `Return request ${returnId} not found`);
        if (request.status !== 'pending') {
          throw new DomainError('return.already_reviewed', `This return was already ${request.status}`);
        }
        const status = nextStatus(c.status, approve ? 'approve_return' : 'reject_return', request.askedFrom);
        await this.returns.review(request.id, {
          status: approve ? 'approved' : 'rejected',
          reviewedBy: actor.userId,
          reviewedAt: now,
          reviewNote: note ?? null,
        });
        if (approve) await this.orders.cancelAll(c.id, 'return approved');
        const lead = approve ? null : c.leadUnitCode;
        return {
          update: approve
            ? {
                status,
                leadUnitCode: null,
                coUnitCodes: [],
                coReportDue: {},
                forwardedToUnitCode: null,
                dispatchedAt: null,
                signDueAt: null,
                responseDueAt: null,
                resolveDueAt: null,
                firstDispatchReturned: c.firstDispatchReturned || request.dispatchNo === 1,
              }
            : { status },
          clocks: approve ? [{ cancel: ORDER_CLOCKS }] : [],
          events: [
            {
              name: 'return_reviewed',
              data: {
                returnId,
                approved: approve,
                note: note ?? null,
                unitCode: request.unitCode,
                dispatchNo: request.dispatchNo,
              },
              change: {
                before: { status: c.status, leadUnitCode: c.leadUnitCode },
                after: { status, leadUnitCode: lead },
              },
            },
          ],
        };
      },
    });
    return reviewed;
  }
}
