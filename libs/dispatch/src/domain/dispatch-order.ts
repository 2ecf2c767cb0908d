import { callerVisibility, maskPhone } from '@hotline/cases';
import type { OrderCaller } from '../events/dispatch-events';

export interface OrderSubject {
  confidential: boolean;
  leadUnitCode: string | null;
  callerName: string | null;
  callerPhone: string;
}

/**
 * What a dispatch order tells a unit about the caller (SPEC §8): the lead unit gets the caller to
 * contact; a co-handler a masked number; nobody anything for a confidential case.
 */
export function callerForUnit(subject: OrderSubject, unitCode: string): OrderCaller | undefined {
  const visibility = callerVisibility({ role: 'system', unitCode }, subject);
  if (visibility === 'hidden') return undefined;
  if (visibility === 'masked') return { name: null, phone: maskPhone(subject.callerPhone) };
  return { name: subject.callerName, phone: subject.callerPhone };
}
