import { Injectable } from '@nestjs/common';
import { Clock } from '@hotline/clock';
import { type Actor, type AssignmentRole, type CaseEntity, CaseViewsService } from '@hotline/cases';
import type { DispatchDeadlines } from '@hotline/sla';
import { AssignmentsRepository } from './assignments.repository';
import { DispatchMessagesService } from './dispatch-messages.service';
import { callerForUnit, companyForUnit, sendsCallerIdentity } from './domain/dispatch-order';
import { assertOrderRole } from './domain/order-access';
import type { CaseAssignmentEntity } from './entities/case-assignment.entity';

export interface OrderUnit {
  unitCode: string;
  role: AssignmentRole;
}

/**
 * Dispatch orders (case_assignments) and what units hear of them on `hotline.dispatch.v1`: issued
 * with a dispatch, completed when the case is resolved, cancelled by an approved return. Every
 * other library goes through here for a unit's order.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly messages: DispatchMessagesService,
    private readonly caseViews: CaseViewsService,
    private readonly clock: Clock,
  ) {}

  /** One order per unit of dispatch `dispatchNo` of `c` (as dispatched: its new lead set), each sent to its unit. */
  async issue(
    c: CaseEntity,
    dispatchNo: number,
    units: readonly OrderUnit[],
    deadlines: DispatchDeadlines,
    issuedAt: Date,
  ): Promise<CaseAssignmentEntity[]> {
    const orders = await this.assignments.insert(
      units.map((u) => ({ caseId: c.id, unitCode: u.unitCode, role: u.role, dispatchNo, issuedAt })),
    );
    const due = {
      sign: deadlines.signDueAt.toISOString(),
      response: deadlines.responseDueAt.toISOString(),
      resolve: deadlines.resolveDueAt.toISOString(),
    };
    await this.messages.send(
      'orderIssued',
      orders.map((order) => ({
        orderId: order.id,
        caseId: c.id,
        caseNumber: c.caseNumber,
        unitCode: order.unitCode,
        role: order.role,
        categoryCode: c.categoryCode,
        urgency: c.urgency,
        summary: c.description,
        address: c.address,
        issuedAt: issuedAt.toISOString(),
        deadlines: due,
        caller: callerForUnit(c, order.unitCode),
        company: companyForUnit(c),
      })),
      issuedAt,
    );
    await this.caseViews.recordSentToUnits(
      c.id,
      orders.filter((order) => sendsCallerIdentity(c, order.unitCode)).map((order) => order.unitCode),
    );
    return orders;
  }

  /** The actor's unit's active order on the case, in the role the action needs (403 otherwise). */
  async activeOrderOf(caseId: string, actor: Actor, role?: AssignmentRole): Promise<CaseAssignmentEntity> {
    return assertOrderRole(await this.assignments.activeOf(caseId, actor.unitCode ?? ''), role);
  }

  markSigned(orderId: string, at: Date): Promise<void> {
    return this.assignments.markSigned(orderId, at);
  }

  /** The case was resolved: every active order is completed and leaves its unit's open work. */
  async completeAll(caseId: string): Promise<void> {
    const now = this.clock.now();
    const ended = await this.assignments.endActive(caseId, 'completed', now);
    await this.messages.send(
      'orderCompleted',
      ended.map((order) => ({ orderId: order.id, caseId, unitCode: order.unitCode })),
      now,
    );
  }

  /** An approved return: every active order is cancelled and each unit hears it. */
  async cancelAll(caseId: string, reason: string): Promise<void> {
    const now = this.clock.now();
    const ended = await this.assignments.endActive(caseId, 'cancelled', now);
    await this.messages.send(
      'orderCancelled',
      ended.map((order) => ({ orderId: order.id, caseId, unitCode: order.unitCode, reason })),
      now,
    );
  }
}
