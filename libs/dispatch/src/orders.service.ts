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
  /** A co-handler's own deadline to report its part. */
  reportDueAt?: Date;
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

  /**
   * One order per unit of dispatch `dispatchNo` of `c` (as dispatched: its new lead set), each sent to its
   * unit. A forward to a community (`sub`) comes signed: its street signed for the case.
   */
  async issue(
    c: CaseEntity,
    dispatchNo: number,
    units: readonly OrderUnit[],
    deadlines: DispatchDeadlines,
    issuedAt: Date,
  ): Promise<CaseAssignmentEntity[]> {
    const orders = await this.assignments.insert(
      units.map((u) => ({
        caseId: c.id,
        unitCode: u.unitCode,
        role: u.role,
        dispatchNo,
        issuedAt,
        signedAt: u.role === 'sub' ? issuedAt : null,
        reportDueAt: u.reportDueAt ?? null,
      })),
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
        deadlines: order.reportDueAt ? { ...due, report: order.reportDueAt.toISOString() } : due,
        ...(order.role === 'sub' ? { respondedAt: c.respondedAt?.toISOString() ?? null } : {}),
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
  async activeOrderOf(caseId: string, actor: Actor, role?: 'lead' | 'co'): Promise<CaseAssignmentEntity> {
    return assertOrderRole(await this.assignments.activeOf(caseId, actor.unitCode ?? ''), role);
  }

  /** The case's active forward to a community, if any (one at a time). */
  activeForward(caseId: string): Promise<CaseAssignmentEntity | null> {
    return this.assignments.activeInRole(caseId, 'sub');
  }

  /** A forward replaced by another: the community hears its order is cancelled. */
  async cancel(order: CaseAssignmentEntity, reason: string): Promise<void> {
    const now = this.clock.now();
    await this.assignments.cancel(order.id, now);
    await this.messages.send(
      'orderCancelled',
      [{ orderId: order.id, caseId: order.caseId, unitCode: order.unitCode, reason }],
      now,
    );
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
