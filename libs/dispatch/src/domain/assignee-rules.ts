import { DomainError } from '@hotline/core';

/** Who a case may be assigned to: an active handler of the unit holding the order (docs/api.md, "Assignment"). */
export function assertAssignable(
  user: { role: string; unitCode: string | null; active: boolean } | null,
  unitCode: string,
): void {
  if (!user || !user.active) {
    throw DomainError.invalidField('userId', 'is not an active user', 'user_not_found');
  }
  if (user.role !== 'handler' || user.unitCode !== unitCode) {
    throw DomainError.invalidField('userId', `is not a handler of unit ${unitCode}`, 'not_in_unit');
  }
}
