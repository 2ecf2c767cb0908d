import { callerVisibility, type CaseStatus, maskPhone } from '@hotline/cases/domain';

/** What an order tells a unit about the caller. */
export interface CallerShown {
  name?: string | null;
  phone: string;
}

export interface OrderSubject {
  status: CaseStatus;
  confidential: boolean;
  leadUnitCode: string | null;
  callerName: string | null;
  callerPhone: string;
}

/**
 * What a dispatch order tells a unit about the caller (docs/product.md, "Privacy and access"): the lead unit gets the caller to
 * contact; a co-handler a masked number; nobody anything for a confidential case.
 */
export function callerForUnit(subject: OrderSubject, unitCode: string): CallerShown | undefined {
  const visibility = callerVisibility({ role: 'system', unitCode }, subject);
  if (visibility === 'hidden') return undefined;
  if (visibility === 'masked') return { name: null, phone: maskPhone(subject.callerPhone) };
  return { name: subject.callerName, phone: subject.callerPhone };
}

/** Whether the order to `unitCode` carries the caller in full (an audited showing of the caller's identity). */
export function sendsCallerIdentity(subject: OrderSubject, unitCode: string): boolean {
  return callerVisibility({ role: 'system', unitCode }, subject) === 'full';
}

/** An order message as the shared topic carries it: no caller name, phone or number. */
export function withoutCallerIdentity<T extends object>(data: T): Omit<T, 'caller' | 'callerNumber'> {
  const { caller: _caller, callerNumber: _number, ...rest } = data as T & { caller?: unknown; callerNumber?: unknown };
  return rest;
}
