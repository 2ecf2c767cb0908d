import { addMs } from '@hotline/clock/domain';

/** Deadline warnings go out when this share of the time allowed has passed (docs/product.md, "Deadlines"). */
export const WARNING_FRACTION = 0.75;

export function warningTime(startsAt: Date, dueAt: Date, fraction = WARNING_FRACTION): Date {
  return addMs(startsAt, Math.max(0, dueAt.getTime() - startsAt.getTime()) * fraction);
}
