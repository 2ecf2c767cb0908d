import type { AssignmentRole, CaseStatus } from '@hotline/cases/domain';
import { DomainError, type FieldError } from '@hotline/core';

interface UnitFacts {
  kind: string;
  parentCode: string | null;
  active: boolean;
}

/** What a forward or an added co-handler is checked against: the case as the kernel holds it. */
export interface HeldCase {
  status: CaseStatus;
  leadUnitCode: string | null;
  coUnitCodes: readonly string[];
  forwardedToUnitCode: string | null;
}

/**
 * 转派 (docs/product.md, "Sub-units and added units"): the lead street, once it has signed, passes the
 * case to one of its own communities/villages, which then handles it to the street's deadlines. The
 * street stays the lead: accountable, and free to forward again (the earlier forward is cancelled).
 */
export function assertCanForward(c: HeldCase, actorOrder: { role: AssignmentRole }): void {
  if (actorOrder.role !== 'lead') throw new DomainError('order.lead_only', 'Only the lead unit may forward a case');
  if (c.status !== 'signed') {
    throw new DomainError('case.not_signed', `Sign the case before forwarding it (it is ${c.status})`);
  }
}

/** The forward's target: an active community/village under the lead street, not the current one. */
export function checkForwardTarget(
  unitCode: string,
  unit: UnitFacts | undefined,
  c: Pick<HeldCase, 'leadUnitCode' | 'forwardedToUnitCode'>,
): FieldError[] {
  const problem = (message: string, reason: string): FieldError[] => [{ field: 'unitCode', message, reason }];
  if (!unit || !unit.active) return problem('is not an active unit', 'not_active');
  if (unit.kind !== 'community' || unit.parentCode !== c.leadUnitCode) {
    return problem('is not a community or village under the lead street', 'not_sub_unit');
  }
  if (unitCode === c.forwardedToUnitCode) return problem('already holds the case', 'already_forwarded');
  return [];
}

/**
 * 加派: the centre adds a co-handler to a case units are working on (dispatched or signed), with its own
 * report deadline; it must be an active unit not already on the case.
 */
export function checkAddedCoHandler(unitCode: string, unit: UnitFacts | undefined, c: HeldCase): FieldError[] {
  const problem = (message: string, reason: string): FieldError[] => [{ field: 'unitCode', message, reason }];
  if (!unit || !unit.active) return problem('is not an active unit', 'not_active');
  if (unitCode === c.leadUnitCode || unitCode === c.forwardedToUnitCode) {
    return problem('already handles the case', 'repeats_lead');
  }
  if (c.coUnitCodes.includes(unitCode)) return problem('is already a co-handler', 'duplicate');
  return [];
}

/** Units work on a case while it is dispatched or signed; a co-handler can be added only then. */
export function assertUnitsWorking(status: CaseStatus): void {
  if (status !== 'dispatched' && status !== 'signed') {
    throw new DomainError('case.wrong_state', `Cannot add a co-handler to a case that is ${status}`);
  }
}

/** The lead's running deadlines, which a forward and an added co-handler are issued with (a case units work on has them). */
export function runningDeadlinesOf(c: {
  caseNumber: string;
  signDueAt: Date | null;
  responseDueAt: Date | null;
  resolveDueAt: Date | null;
}): { signDueAt: Date; responseDueAt: Date; resolveDueAt: Date } {
  if (!c.signDueAt || !c.responseDueAt || !c.resolveDueAt) {
    throw new DomainError('case.wrong_state', `Case ${c.caseNumber} has no running deadlines`);
  }
  return { signDueAt: c.signDueAt, responseDueAt: c.responseDueAt, resolveDueAt: c.resolveDueAt };
}
