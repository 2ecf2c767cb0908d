import { DomainError } from '@hotline/core';
import type { AssignmentRole } from '@hotline/cases/domain';

/**
 * A unit acts on a case only through an active order of its own, and some actions only as the lead
 * (respond, extend, resolve) or only as a co-handler (report its part). A community its street
 * forwarded the case to (`sub`) acts for the lead. A unit that can see the case but holds no such
 * order is refused with 403 (one that cannot see it got 404 before).
 */
export function assertOrderRole<T extends { role: AssignmentRole }>(order: T | null, wanted?: 'lead' | 'co'): T {
  if (!order) throw new DomainError('order.none_active', 'Your unit holds no active order for this case');
  if (wanted === 'lead' && order.role === 'co')
    throw new DomainError('order.lead_only', 'Only the lead unit may do this');
  if (wanted === 'co' && order.role !== 'co') throw new DomainError('order.co_only', 'Only a co-handler may do this');
  return order;
}
