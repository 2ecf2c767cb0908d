import { callerVisibility, type CaseStatus, type Company, maskPhone, showsCompany } from '@hotline/cases/domain';

/** What an order tells a unit about the caller. */
export interface CallerShown {
  name?: string | null;
  /** Absent when the demand came without a number (a letter, a web form). */
  phone?: string;
}

export interface OrderSubject {
  status: CaseStatus;
  confidential: boolean;
  sensitive: boolean;
  leadUnitCode: string | null;
  forwardedToUnitCode: string | null;
  callerName: string | null;
  callerPhone: string | null;
  companyName: string | null;
  companyCreditCode: string | null;
}

/**
 * What a dispatch order tells a unit about the caller (docs/product.md, "Privacy and access"): the lead unit gets the caller to
 * contact; a co-handler a masked number; nobody anything for a confidential case.
 */
export function callerForUnit(subject: OrderSubject, unitCode: string): CallerShown | undefined {
  const visibility = callerVisibility({ role: 'system', unitCode }, subject);
  if (visibility === 'hidden') return undefined;
  const phone = subject.callerPhone ?? undefined;
  if (visibility === 'masked') return { name: null, ...(phone ? { phone: maskPhone(phone) } : {}) };
  return { name: subject.callerName, ...(phone ? { phone } : {}) };
}

/** Whether the order to `unitCode` carries the caller in full (an audited showing of the caller's identity). */
export function sendsCallerIdentity(subject: OrderSubject, unitCode: string): boolean {
  return callerVisibility({ role: 'system', unitCode }, subject) === 'full';
}

/**
 * The company an order or a transfer tells a unit about (docs/product.md, "The enterprise service channel"):
 * an enterprise's, unless the demand is sensitive (匿名交办).
 */
export function companyForUnit(subject: OrderSubject): Company | undefined {
  if (subject.companyName === null || subject.companyCreditCode === null) return undefined;
  if (!showsCompany({ role: 'system' }, subject)) return undefined;
  return { name: subject.companyName, creditCode: subject.companyCreditCode };
}

type RequesterIdentity = 'caller' | 'callerNumber' | 'company';

/** An order message as the shared topic carries it: no caller name, phone or number, no company. */
export function withoutRequesterIdentity<T extends object>(data: T): Omit<T, RequesterIdentity> {
  const {
    caller: _caller,
    callerNumber: _number,
    company: _company,
    ...rest
  } = data as T & Partial<Record<RequesterIdentity, unknown>>;
  return rest;
}
