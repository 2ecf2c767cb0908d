import type { AssignmentsRepository, NewOrder } from '../assignments.repository';
import type { CaseAssignmentEntity } from '../entities/case-assignment.entity';

type Assignments = Pick<AssignmentsRepository, 'insert' | 'activeOf' | 'markSigned' | 'endActive'>;

/** `case_assignments` in memory, for service specs. */
export class InMemoryAssignmentsRepository implements Assignments {
  readonly rows: CaseAssignmentEntity[] = [];
  private next = 0;

  async insert(orders: readonly NewOrder[]): Promise<CaseAssignmentEntity[]> {
    const created = orders.map((o) => ({
      ...o,
      id: `10000000-0000-4000-8000-${String(++this.next).padStart(12, '0')}`,
      status: 'active' as const,
      signedAt: o.signedAt ?? null,
      cancelledAt: null,
      assigneeUserId: null,
      reportDueAt: o.reportDueAt ?? null,
    }));
    this.rows.push(...created);
    return created.map((o) => ({ ...o }));
  }

  async activeOf(caseId: string, unitCode: string): Promise<CaseAssignmentEntity | null> {
    const found = this.rows.find((o) => o.caseId === caseId && o.unitCode === unitCode && o.status === 'active');
    return found ? { ...found } : null;
  }

  async markSigned(orderId: string, at: Date): Promise<void> {
    this.rows.find((o) => o.id === orderId)!.signedAt = at;
  }

  async endActive(caseId: string, status: 'cancelled' | 'completed', at: Date): Promise<CaseAssignmentEntity[]> {
    const active = this.rows.filter((o) => o.caseId === caseId && o.status === 'active');
    const ended = active.map((o) => ({ ...o }));
    for (const o of active) Object.assign(o, status === 'cancelled' ? { status, cancelledAt: at } : { status });
    return ended;
  }
}
