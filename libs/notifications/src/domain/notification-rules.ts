import type { NotificationKind } from './notification-templates';

/**
 * Who is told what (docs/product.md, "Citizen notifications"). A citizen who opted out gets no case
 * messages; a code the citizen asked for is always sent. Only numbers that receive SMS are written
 * to: a mainland mobile or an international number, never a landline.
 */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const INTERNATIONAL = /^\+[1-9]\d{6,14}$/;

export function receivesSms(phone: string | null): phone is string {
  return phone !== null && (MAINLAND_MOBILE.test(phone) || INTERNATIONAL.test(phone));
}

export function mayNotify(kind: NotificationKind, optedOut: boolean): boolean {
  return kind === 'verification_code' || !optedOut;
}

export const DELIVERY_STATUSES = ['requested', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A report changes a notification once: later reports of the same notification are ignored. */
export function acceptsReport(current: DeliveryStatus): boolean {
  return current === 'requested';
}
