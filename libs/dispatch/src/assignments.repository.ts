import { Injectable } from '@nestjs/common';
import type { AssignmentRole } from '@hotline/cases';
import { TransactionService } from '@hotline/database';
import { CaseAssignmentEntity } from './entities/case-assignment.entity';

export interface NewOrder {
  caseId: string;
  unitCode: string;
  role: AssignmentRole;
  dispatchNo: number;
  issuedAt: Date;
  /** A forwarded order comes signed: its street signed for the case. */
  signedAt?: Date | null;
  reportDueAt?: Date | null;
}

/** `case_assignments`: the dispatch orders, one per unit and dispatch; finished ones stay as history. */
@Injectable()
export class AssignmentsRepository {
  constructor(private readonly db: TransactionService) {}

  insert(orders: readonly NewOrder[]): Promise<CaseAssignmentEntity[]> {
    const m = this.db.manager;
    return m.save(
      CaseAssignmentEntity,
      orders.map((o) => m.create(CaseAssignmentEntity, o)),
    );
  }

  activeOf(caseId: string, unitCode: string): Promise<CaseAssignmentEntity | null> {
    return this.db.manager.findOneBy(CaseAssignmentEntity, { caseId, unitCode, status: 'active' });
  }

  async setAssignee(orderId: string, userId: string): Promise<void> {
    await this.db.manager.update(CaseAssignmentEntity, { id: orderId }, { assigneeUserId: userId });
  }

  async markSigned(orderId: string, at: Date): Promise<void> {
    await this.db.manager.update(CaseAssignmentEntity, { id: orderId }, { signedAt: at });
  }

  /** The case's active order in a role (a street's forward to a community: at most one). */
  activeInRole(caseId: string, role: AssignmentRole): Promise<CaseAssignmentEntity | null> {
    return this.db.manager.findOneBy(CaseAssignmentEntity, { caseId, role, status: 'active' });
  }

  async cancel(orderId: string, at: Date): Promise<void> {
    await this.db.manager.update(CaseAssignmentEntity, { id: orderId }, { status: 'cancelled', cancelledAt: at });
  }

  /** Ends every active order of the case; returns the orders it ended. */
  async endActive(caseId: string, status: 'cancelled' | 'completed', at: Date): Promise<CaseAssignmentEntity[]> {
    const m = this.db.manager;
    const active = await m.findBy(CaseAssignmentEntity, { caseId, status: 'active' });
    if (active.length === 0) return [];
    await m.update(
      CaseAssignmentEntity,
      { caseId, status: 'active' },
      status === 'cancelled' ? { status, cancelledAt: at } : { status },
    );
    return active;
  }
}
